package org.dtenge.cards;

/**
 * The cards module's one exception type: a programmer error (a message built with a value its field
 * cannot hold) or an operating error (the gateway cannot listen). Card outcomes are never exceptions:
 * they are response codes, and malformed input is a {@link org.dtenge.cards.iso8583.Decoded.Malformed} value.
 */
public final class CardsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CardsException(String message) {
        super(message);
    }

    public CardsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An always-on check: Java's {@code assert} is off by default. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new CardsException(message);
        }
    }
}
