package org.dtenge.cards.card;

import java.util.Optional;

/**
 * Where a card stands, as its bank set it. An expired card is one whose expiry month has passed,
 * whatever its status; EXPIRED is also here so a bank can retire a card explicitly.
 */
public enum CardStatus {
    ACTIVE(1),
    BLOCKED(2),
    LOST(3),
    EXPIRED(4);

    public final int code;

    CardStatus(int code) {
        this.code = code;
    }

    public static Optional<CardStatus> ofCode(int code) {
        for (CardStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
