package org.dtenge.cards.iso8583;

import java.util.Optional;

/**
 * One data element's definition, as a value (the moov-io way): its number, kind, length in units,
 * how it is written ({@link Encoding}), how its length is told ({@link Prefix}) and how a short
 * fixed value is filled ({@link Padding}). Reading and writing follow from these alone.
 *
 * @param length the fixed length, or the largest length of a variable field, in units of the encoding
 */
public record FieldSpec(int number, String description, FieldKind kind, int length, Encoding encoding, Prefix prefix,
                        Padding padding) {
    public FieldSpec {
        CodecException.check(number >= 0 && number <= 128, "field numbers are 0..128");
        CodecException.check(length > 0, "a field's length is positive");
        CodecException.check(prefix == Prefix.FIXED || length < pow10(prefix.digits),
                "field " + number + ": a length prefix of " + prefix.digits + " digits cannot tell " + length);
        CodecException.check(!padding.left() || prefix == Prefix.FIXED, "only fixed fields are padded");
    }

    public static FieldSpec fixed(int number, String description, FieldKind kind, int length) {
        return new FieldSpec(number, description, kind, length, Encoding.ASCII, Prefix.FIXED, Padding.NONE);
    }

    public static FieldSpec variable(int number, String description, FieldKind kind, int length, Prefix prefix) {
        return new FieldSpec(number, description, kind, length, Encoding.ASCII, prefix, Padding.NONE);
    }

    public FieldSpec padded(char pad) {
        return new FieldSpec(number, description, kind, length, encoding, prefix, Padding.left(pad));
    }

    public FieldSpec hex() {
        return new FieldSpec(number, description, kind, length, Encoding.HEX, prefix, padding);
    }

    /** Why {@code value} cannot be written in this field, or empty when it can. */
    public Optional<String> problem(String value) {
        int units = value.length() / encoding.charsPerUnit;
        if (value.length() % encoding.charsPerUnit != 0) {
            return Optional.of(name() + " is written as hex digits, two per byte, not " + value.length() + " digits");
        }
        if (units > length || (prefix == Prefix.FIXED && units < length && !padding.left())) {
            return Optional.of(name() + " holds " + (prefix == Prefix.FIXED && !padding.left() ? "exactly " : "at most ")
                    + length + " " + unitName() + ", not " + units);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!encoding.allows(c) || (kind == FieldKind.NUMERIC && (c < '0' || c > '9'))) {
                return Optional.of(name() + " may not hold the character 0x" + Integer.toHexString(c) + " at " + i
                        + (kind == FieldKind.NUMERIC ? " (digits only)" : ""));
            }
        }
        return Optional.empty();
    }

    /** Writes {@code value} with its prefix or padding; a value the field cannot hold is a programmer error. */
    void write(String value, StringBuilder out) {
        problem(value).ifPresent(p -> {
            throw new CodecException("cannot encode: " + p);
        });
        int units = value.length() / encoding.charsPerUnit;
        if (prefix != Prefix.FIXED) {
            String digits = Integer.toString(units);
            out.repeat('0', prefix.digits - digits.length()).append(digits);
        } else if (units < length) {
            out.repeat(padding.pad(), (length - units) * encoding.charsPerUnit);
        }
        out.append(value);
    }

    /** Reads this field's value at the cursor. */
    String read(Cursor in) throws Malformation {
        int units = length;
        if (prefix != Prefix.FIXED) {
            units = in.digits(prefix.digits, name() + "'s length prefix");
            if (units > length) {
                throw new Malformation(name() + " says it is " + units + " " + unitName() + " long; it holds at most " + length);
            }
        }
        String value = in.text(units * encoding.charsPerUnit, name());
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new Malformation(problem.get());
        }
        return value;
    }

    private String name() {
        return "field " + number + " (" + description + ")";
    }

    private String unitName() {
        return encoding == Encoding.HEX ? "bytes" : "characters";
    }

    private static int pow10(int digits) {
        int result = 1;
        for (int i = 0; i < digits; i++) {
            result *= 10;
        }
        return result;
    }
}
