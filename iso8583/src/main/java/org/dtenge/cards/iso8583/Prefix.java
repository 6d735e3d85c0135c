package org.dtenge.cards.iso8583;

/** The length prefix of a field: none (fixed length), or 2 or 3 ASCII digits giving the length in units. */
public enum Prefix {
    FIXED(0),
    LL(2),
    LLL(3);

    /** Digits in the prefix. */
    public final int digits;

    Prefix(int digits) {
        this.digits = digits;
    }
}
