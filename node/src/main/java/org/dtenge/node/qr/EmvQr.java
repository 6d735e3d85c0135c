package org.dtenge.node.qr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EMV QR Code Specification for Payment Systems, merchant-presented mode: parsing any such payload
 * (TLV with two-digit tags and lengths counted in characters, ending with tag 63, a CRC-16/CCITT-FALSE
 * over the UTF-8 bytes of everything before the CRC's value) and building one from fields.
 */
public final class EmvQr {
    private EmvQr() {}

    /** Either the top-level fields, tag 63 included, or what is wrong with the payload. */
    public sealed interface Parsed {
        record Valid(List<EmvField> fields) implements Parsed {
            public Optional<EmvField> field(String tag) {
                return fields.stream().filter(f -> f.tag().equals(tag)).findFirst();
            }
        }

        record Invalid(String reason) implements Parsed {}
    }

    public static Parsed parse(String payload) {
        if (!payload.startsWith("000201")) {
            return new Parsed.Invalid("an EMV QR payload starts with the payload format indicator \"000201\"");
        }
        int crcAt = payload.length() - 8;
        if (crcAt < 6 || !payload.startsWith("6304", crcAt)) {
            return new Parsed.Invalid("an EMV QR payload ends with the CRC, tag 63 of length 04");
        }
        String expected = Crc16.hex(payload.substring(0, crcAt + 4).getBytes(StandardCharsets.UTF_8));
        String given = payload.substring(crcAt + 4);
        // Exact match: EMVCo writes the CRC as four upper-case hex digits, and accepting another case
        // would let a changed character through unnoticed.
        if (!expected.equals(given)) {
            return new Parsed.Invalid("CRC mismatch: the payload says " + given + " but its bytes give " + expected
                    + " (a damaged or altered code)");
        }
        List<EmvField> fields = new ArrayList<>();
        Optional<String> problem = read(payload, 0, payload.length(), true, fields);
        if (problem.isPresent()) {
            return new Parsed.Invalid(problem.get());
        }
        if (!fields.getLast().tag().equals("63")) {
            return new Parsed.Invalid("the CRC, tag 63, must be the last data object");
        }
        return new Parsed.Valid(fields);
    }

    /** Reads data objects from {@code text[from, to)}; nested templates too when {@code nest}. */
    private static Optional<String> read(String text, int from, int to, boolean nest, List<EmvField> into) {
        int at = from;
        while (at < to) {
            if (at + 4 > to) {
                return Optional.of("truncated data object at character " + at);
            }
            String tag = text.substring(at, at + 2);
            String lengthText = text.substring(at + 2, at + 4);
            if (!digits(tag) || !digits(lengthText)) {
                return Optional.of("tag and length must be two digits each, found \"" + text.substring(at, at + 4)
                        + "\" at character " + at);
            }
            int length = Integer.parseInt(lengthText);
            int valueFrom = at + 4;
            int valueTo;
            try {
                valueTo = text.offsetByCodePoints(valueFrom, length);
            } catch (IndexOutOfBoundsException e) {
                return Optional.of("tag " + tag + " claims " + length + " characters but the payload ends first");
            }
            if (valueTo > to) {
                return Optional.of("tag " + tag + " claims " + length + " characters, past the end of its template");
            }
            String value = text.substring(valueFrom, valueTo);
            List<EmvField> children = new ArrayList<>();
            if (nest && EmvField.isTemplate(tag) && read(value, 0, value.length(), false, children).isPresent()) {
                children.clear(); // not a well-formed template: keep it as a plain value
            }
            into.add(new EmvField(tag, value, children));
            at = valueTo;
        }
        return Optional.empty();
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The payload of {@code fields} (without tag 63), with the CRC appended. */
    public static String build(List<EmvField> fields) {
        StringBuilder payload = new StringBuilder();
        for (EmvField field : fields) {
            payload.append(field.encode());
        }
        payload.append("6304");
        return payload + Crc16.hex(payload.toString().getBytes(StandardCharsets.UTF_8));
    }
}
