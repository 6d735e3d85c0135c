package org.dtenge.cards.gateway;

import java.util.Optional;

/**
 * What a card transfer did, written into its transaction record and into the derivation of its id
 * (so the hold, the completion and the refund of one transaction have different ids). Codes are in
 * the journal and never change meaning.
 */
public enum Operation {
    HOLD(1),
    COMPLETION(2),
    PURCHASE(3),
    VOID(4),
    REFUND(5);

    public final int code;

    Operation(int code) {
        this.code = code;
    }

    public static Optional<Operation> ofCode(int code) {
        for (Operation operation : values()) {
            if (operation.code == code) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /** Money leaving the wallet (a hold counts: it is spendable no more). */
    public boolean debitsWallet() {
        return this == HOLD || this == PURCHASE;
    }
}
