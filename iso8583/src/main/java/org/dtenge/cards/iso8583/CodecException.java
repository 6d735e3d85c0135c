package org.dtenge.cards.iso8583;

/**
 * The codec's one exception type, for programmer errors only: a spec defined wrongly, or a message built
 * with a value its field cannot hold. Malformed input is never an exception: it decodes to
 * {@link Decoded.Malformed}.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    /** An always-on check: Java's {@code assert} is off by default. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new CodecException(message);
        }
    }
}
