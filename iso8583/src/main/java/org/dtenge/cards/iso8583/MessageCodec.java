package org.dtenge.cards.iso8583;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes messages of one {@link MessageSpec}:
 *
 * <pre>
 * MTI (4 digits) | primary bitmap (16 hex) | [secondary bitmap (16 hex), when bit 1 is set] | fields in order
 * </pre>
 *
 * Decoding never throws on bad input: every problem (short, unknown field, bad character, bytes left
 * over) is a {@link Decoded.Malformed} with the reason. Encoding writes the bitmaps from the fields
 * present and fails only on a value its field cannot hold, which is the caller's error.
 */
public final class MessageCodec {
    private static final int BITMAP_CHARS = 16;

    private final MessageSpec spec;

    public MessageCodec(MessageSpec spec) {
        this.spec = spec;
    }

    public static MessageCodec iso87Ascii() {
        return new MessageCodec(Spec87Ascii.SPEC);
    }

    public Decoded decode(byte[] bytes) {
        Cursor in = new Cursor(bytes);
        Optional<String> mti = Optional.empty();
        try {
            String type = in.text(4, "the MTI");
            if (!isDigits(type)) {
                throw new Malformation("the MTI must be 4 digits, not \"" + Cursor.printable(type) + "\"");
            }
            mti = Optional.of(type);
            boolean[] present = bitmaps(in);
            IsoMessage.Builder message = IsoMessage.builder(type);
            for (int number = 2; number <= 128; number++) {
                if (present[number]) {
                    message.with(number, fieldSpec(number).read(in));
                }
            }
            if (in.remaining() > 0) {
                throw new Malformation(in.remaining() + " bytes after the last field, at offset " + in.position());
            }
            return new Decoded.Valid(message.build());
        } catch (Malformation e) {
            return new Decoded.Malformed(e.getMessage(), mti);
        }
    }

    private FieldSpec fieldSpec(int number) throws Malformation {
        Optional<FieldSpec> field = spec.field(number);
        if (field.isEmpty()) {
            throw new Malformation("the bitmap has field " + number + ", which " + spec.name() + " does not define");
        }
        return field.get();
    }

    /** Which fields the bitmaps say are present, indexed 1..128. */
    private static boolean[] bitmaps(Cursor in) throws Malformation {
        boolean[] present = new boolean[129];
        readBitmap(in, present, 0, "the primary bitmap");
        if (present[1]) {
            readBitmap(in, present, 64, "the secondary bitmap");
        }
        return present;
    }

    private static void readBitmap(Cursor in, boolean[] present, int base, String what) throws Malformation {
        String hex = in.text(BITMAP_CHARS, what);
        for (int i = 0; i < BITMAP_CHARS; i++) {
            int nibble = Character.digit(hex.charAt(i), 16);
            if (nibble < 0) {
                throw new Malformation(what + " must be 16 hex digits, not \"" + Cursor.printable(hex) + "\"");
            }
            for (int bit = 0; bit < 4; bit++) {
                present[base + i * 4 + bit + 1] = (nibble & (8 >> bit)) != 0;
            }
        }
    }

    public byte[] encode(IsoMessage message) {
        Map<Integer, String> fields = message.fields();
        boolean secondary = fields.keySet().stream().anyMatch(n -> n > 64);
        StringBuilder out = new StringBuilder(256).append(message.mti());
        out.append(bitmap(fields, 0, secondary));
        if (secondary) {
            out.append(bitmap(fields, 64, false));
        }
        fields.forEach((number, value) -> spec.field(number)
                .orElseThrow(() -> new CodecException(spec.name() + " does not define field " + number))
                .write(value, out));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String bitmap(Map<Integer, String> fields, int base, boolean next) {
        long bits = next ? 1L << 63 : 0;
        for (int number : fields.keySet()) {
            if (number > base && number <= base + 64) {
                bits |= 1L << (64 - (number - base));
            }
        }
        return String.format("%016X", bits);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
