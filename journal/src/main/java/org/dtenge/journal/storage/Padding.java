package org.dtenge.journal.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The trailer that may end a log file written in whole blocks ({@link Storage#createLog}): the bytes
 * from the end of the last append to the end of the file. Little-endian:
 *
 * <pre>
 * offset size  field
 *   0     4    magic "DTJP"
 *   4     4    the trailer's length in bytes, this header included: exactly what is left of the file
 *   8     ...  zeros
 * </pre>
 *
 * A trailer is {@value #HEADER} to {@value #LENGTH_MAX} bytes long and ends the file; a reader that
 * finds one where the next record would start has reached the end of the log. Zeros alone, or a
 * trailer whose length is not what is left of the file, are not a trailer.
 */
public final class Padding {
    public static final int MAGIC = 'D' | 'T' << 8 | 'J' << 16 | 'P' << 24;
    public static final int HEADER = 8;
    /** Blocks of up to 64 KiB, and a header that did not fit in the last one's rest. */
    public static final int LENGTH_MAX = 65_536 + HEADER;

    private Padding() {}

    /** The length of padding that takes a log of {@code end} bytes to a whole number of {@code block}s. */
    static int lengthAfter(long end, int block) {
        long padded = (end + HEADER + block - 1) / block * block;
        return (int) (padded - end);
    }

    /** Writes a trailer of {@code length} bytes at {@code at} in {@code buffer}. */
    static void write(ByteBuffer buffer, int at, int length) {
        ByteBuffer trailer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt(at, MAGIC).putInt(at + 4, length);
        for (int i = at + HEADER; i < at + length; i++) {
            trailer.put(i, (byte) 0);
        }
    }

    /**
     * Whether {@code rest}, all the bytes of a file from some offset to its end (position to limit), is
     * exactly one trailer.
     */
    public static boolean is(ByteBuffer rest) {
        int length = rest.remaining();
        if (length < HEADER || length > LENGTH_MAX) {
            return false;
        }
        ByteBuffer bytes = rest.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = bytes.position();
        if (bytes.getInt(at) != MAGIC || bytes.getInt(at + 4) != length) {
            return false;
        }
        for (int i = at + HEADER; i < bytes.limit(); i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
