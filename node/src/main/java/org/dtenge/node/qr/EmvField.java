package org.dtenge.node.qr;

import java.util.List;

/**
 * One data object of an EMV merchant-presented QR code: a two-digit tag, its value, and, for template
 * tags (merchant account information 26-51, additional data 62, language 64, unreserved 80-99), the
 * data objects nested in the value.
 */
public record EmvField(String tag, String value, List<EmvField> children) {
    public EmvField {
        children = List.copyOf(children);
    }

    public static EmvField of(String tag, String value) {
        return new EmvField(tag, value, List.of());
    }

    public static EmvField template(String tag, List<EmvField> children) {
        StringBuilder value = new StringBuilder();
        for (EmvField child : children) {
            value.append(child.encode());
        }
        return new EmvField(tag, value.toString(), children);
    }

    /** Tag, length (in characters, two digits) and value. */
    public String encode() {
        int length = value.codePointCount(0, value.length());
        if (length > 99) {
            throw new IllegalArgumentException("EMV tag " + tag + " holds at most 99 characters, not " + length);
        }
        return tag + (length < 10 ? "0" : "") + length + value;
    }

    public static boolean isTemplate(String tag) {
        int number = Integer.parseInt(tag);
        return number >= 26 && number <= 51 || number == 62 || number == 64 || number >= 80;
    }
}
