package org.dtenge.cards.iso8583;

/**
 * Why bytes are not a message, thrown inside the decoder only and turned into a
 * {@link Decoded.Malformed} value at its edge: checked, so that no path can forget it.
 */
final class Malformation extends Exception {
    private static final long serialVersionUID = 1L;

    Malformation(String reason) {
        super(reason, null, false, false); // no stack trace: it is an answer, not a fault
    }
}
