package org.dtenge.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The header that starts every segment file. A segment is named by its first sequence number, zero
 * padded to 20 digits so that names sort in journal order ({@code 00000000000000000001.dtj}), and holds
 * batch records back to back after this header. Little-endian, {@value #SIZE} bytes:
 *
 * <pre>
 * offset size  field
 *   0     4    magic "DTJS"
 *   4     2    format version ({@value #VERSION})
 *   6     2    reserved (0)
 *   8     8    sequence number of the segment's first batch (equals the file name)
 *  16    12    reserved (0)
 *  28     4    CRC32C of bytes [0, 28)
 * </pre>
 */
final class SegmentHeader {
    static final int SIZE = 32;
    static final int MAGIC = 'D' | 'T' << 8 | 'J' << 16 | 'S' << 24;
    static final short VERSION = 1;
    static final String SUFFIX = ".dtj";
    private static final int AT_FIRST_SEQUENCE = 8;
    private static final int AT_CRC = 28;
    private static final int NAME_DIGITS = 20;

    private SegmentHeader() {}

    /** The segment file name for a segment whose first batch is {@code firstSequence}. */
    static String name(long firstSequence) {
        return String.format("%0" + NAME_DIGITS + "d%s", firstSequence, SUFFIX);
    }

    static boolean looksLikeSegment(String name) {
        return name.endsWith(SUFFIX);
    }

    /** The first sequence a segment name stands for, or -1 when the name is not a segment name. */
    static long firstSequence(String name) {
        if (name.length() != NAME_DIGITS + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < NAME_DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The exact {@value #SIZE} bytes of the header of a segment starting at {@code firstSequence}. */
    static ByteBuffer encode(long firstSequence) {
        ByteBuffer header = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, MAGIC);
        header.putShort(4, VERSION);
        header.putLong(AT_FIRST_SEQUENCE, firstSequence);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, AT_CRC);
        header.putInt(AT_CRC, (int) crc.getValue());
        return header;
    }

    /** Checks the header in {@code stored} (exactly {@value #SIZE} bytes) against the one expected. */
    static void check(ByteBuffer stored, long firstSequence) throws JournalCorruptException {
        ByteBuffer expected = encode(firstSequence);
        if (stored.getInt(0) != MAGIC) {
            throw new JournalCorruptException("not a journal segment (magic " + BatchHeader.hex(stored.getInt(0))
                    + ", expected " + BatchHeader.hex(MAGIC) + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(stored.array(), stored.arrayOffset(), AT_CRC);
        if (stored.getInt(AT_CRC) != (int) crc.getValue()) {
            throw new JournalCorruptException("segment header CRC32C mismatch (stored " + BatchHeader.hex(stored.getInt(AT_CRC))
                    + ", computed " + BatchHeader.hex((int) crc.getValue()) + ")");
        }
        if (stored.getShort(4) != VERSION) {
            throw new JournalCorruptException("segment format version " + stored.getShort(4) + ", this build reads " + VERSION);
        }
        if (!stored.equals(expected)) {
            throw new JournalCorruptException("segment header says first batch " + stored.getLong(AT_FIRST_SEQUENCE)
                    + " (or has nonzero reserved bytes) but the file name says " + firstSequence);
        }
    }

    /** Whether {@code stored} (fewer than {@value #SIZE} bytes) is the start of the expected header. */
    static boolean isPrefix(ByteBuffer stored, long firstSequence) {
        ByteBuffer expected = encode(firstSequence).limit(stored.remaining());
        return stored.equals(expected);
    }
}
