package org.dtenge.cards.card;

import java.util.Optional;

/** What kind of card it is. The code is written into the journal and never changes meaning. */
public enum CardProduct {
    ONAY(1),
    VISA_DEBIT(2),
    MASTERCARD_DEBIT(3);

    public final int code;

    CardProduct(int code) {
        this.code = code;
    }

    public static Optional<CardProduct> ofCode(int code) {
        for (CardProduct product : values()) {
            if (product.code == code) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }
}
