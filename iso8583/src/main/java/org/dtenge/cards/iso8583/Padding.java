package org.dtenge.cards.iso8583;

/**
 * How a fixed field shorter than its length is filled when encoded: not at all (the value must be
 * exactly the length), or on the left with a pad character (amounts and codes with '0').
 *
 * <p>Decoding keeps the padded text as it came: "000000000420" stays "000000000420". Stripping it
 * would lose the difference between "0" and "" and could not promise a byte-identical re-encoding.
 */
public record Padding(boolean left, char pad) {
    public static final Padding NONE = new Padding(false, ' ');

    public static Padding left(char pad) {
        return new Padding(true, pad);
    }
}
