package org.dtenge.cards.iso8583;

/**
 * How a field's value is written on the wire. In the ASCII variant of ISO 8583:1987 everything is
 * text; binary fields (bitmaps, PIN blocks, MACs) are written as two hex digits per byte.
 */
public enum Encoding {
    /** Printable ASCII as it is: one character per unit of length. */
    ASCII(1),
    /** Binary written as hex digits: two characters per byte of length (moov-io's "HexToASCII"). */
    HEX(2);

    /** Wire characters per unit of the field's declared length. */
    public final int charsPerUnit;

    Encoding(int charsPerUnit) {
        this.charsPerUnit = charsPerUnit;
    }

    /** Whether {@code c} may appear in a value of this encoding. */
    public boolean allows(char c) {
        return switch (this) {
            case ASCII -> c >= 0x20 && c <= 0x7E;
            case HEX -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
        };
    }
}
