package org.dtenge.cards.iso8583;

/** A read position over a message's bytes; every read checks that the bytes are there. */
final class Cursor {
    private final byte[] bytes;
    private int position;

    Cursor(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    /** The next {@code count} bytes as text (one char per byte; each field checks its own characters). */
    String text(int count, String what) throws Malformation {
        if (count > remaining()) {
            throw new Malformation(what + " needs " + count + " bytes at offset " + position + "; the message has "
                    + remaining() + " left");
        }
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = (char) (bytes[position + i] & 0xFF);
        }
        position += count;
        return new String(chars);
    }

    /** The next {@code count} bytes as a decimal number. */
    int digits(int count, String what) throws Malformation {
        String text = text(count, what);
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new Malformation(what + " must be " + count + " digits, not \"" + printable(text) + "\"");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code text} with anything unprintable shown as '?', for messages about bad input. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return out.toString();
    }
}
