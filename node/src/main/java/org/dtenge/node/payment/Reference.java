package org.dtenge.node.payment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A payment's reference (an invoice or bill number): up to 16 printable ASCII characters, kept in the
 * ledger's 128-bit reference field as the characters zero-padded on the right. The empty reference is
 * all zero.
 */
public record Reference(long hi, long lo) {
    public static final int LENGTH_MAX = 16;
    public static final Reference NONE = new Reference(0, 0);

    /** The reference for {@code text}, or empty when it is too long or not printable ASCII. */
    public static Optional<Reference> of(String text) {
        if (text.length() > LENGTH_MAX) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return Optional.empty();
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH_MAX).put(text.getBytes(StandardCharsets.US_ASCII));
        return Optional.of(new Reference(bytes.getLong(0), bytes.getLong(8)));
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(LENGTH_MAX).putLong(hi).putLong(lo).array();
    }

    /** The text, without the padding. */
    public String text() {
        byte[] bytes = bytes();
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
