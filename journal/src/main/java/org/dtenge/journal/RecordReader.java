package org.dtenge.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.zip.CRC32C;
import org.dtenge.ledger.EventBatch;

/**
 * Reads batch records from segments into one reused buffer and checks them: header CRC and format,
 * then body CRC. Errors name the segment and offset. Not thread-safe.
 */
final class RecordReader {
    /** The buffer holds a header at 0 and its body right after it. */
    static final int BODY = BatchHeader.SIZE;

    final ByteBuffer buffer = ByteBuffer.allocate(BatchHeader.SIZE + BatchHeader.bodyLength(EventBatch.EVENTS_MAX))
            .order(ByteOrder.LITTLE_ENDIAN);
    final MessageDigest sha256 = Merkle.sha256();
    private final CRC32C crc = new CRC32C();

    /** Reads {@code length} bytes at {@code offset} of the segment into the start of the buffer. */
    ByteBuffer readRaw(Segment segment, long offset, int length) throws IOException {
        buffer.clear().limit(length);
        segment.file.read(offset, buffer);
        return buffer.flip();
    }

    /** Reads and checks the header of the record at {@code offset}. */
    BatchHeader header(Segment segment, long offset) throws IOException {
        readRaw(segment, offset, BatchHeader.SIZE);
        try {
            return BatchHeader.read(buffer, 0, sha256);
        } catch (JournalCorruptException e) {
            throw e.at(segment.where, offset);
        }
    }

    /** Reads the body of the record at {@code offset} whose header is {@code header}, and checks its CRC. */
    void body(Segment segment, long offset, BatchHeader header) throws IOException {
        buffer.clear().position(BODY).limit(BODY + header.bodyLength());
        segment.file.read(offset + BatchHeader.SIZE, buffer);
        crc.reset();
        crc.update(buffer.array(), BODY, header.bodyLength());
        int computed = (int) crc.getValue();
        if (computed != header.bodyCrc()) {
            throw segment.corrupt(offset + BatchHeader.SIZE, "batch " + header.sequence()
                    + " body CRC32C mismatch (stored " + BatchHeader.hex(header.bodyCrc()) + ", computed "
                    + BatchHeader.hex(computed) + ")");
        }
    }
}
