package org.dtenge.journal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * The body of a batch record: {@code count} event records of {@value Event#SIZE} bytes, then
 * {@code count} packed results of 4 bytes, little-endian. Also the Merkle leaves of the body (leaf i =
 * event i || result i), read in place: one instance is pointed at each body in turn, so hashing a batch
 * allocates nothing.
 */
final class BatchBody implements LeafData {
    private byte[] bytes;
    private int offset;
    private int count;

    /** Points the leaves at the body of {@code count} events at {@code offset} of {@code bytes}. */
    BatchBody over(byte[] bytes, int offset, int count) {
        this.bytes = bytes;
        this.offset = offset;
        this.count = count;
        return this;
    }

    @Override
    public void feed(int index, MessageDigest digest) {
        digest.update(bytes, offset + index * Event.SIZE, Event.SIZE);
        digest.update(bytes, resultAt(offset, count, index), Integer.BYTES);
    }

    static int resultAt(int bodyOffset, int count, int index) {
        return bodyOffset + count * Event.SIZE + index * Integer.BYTES;
    }

    /** Writes the body of {@code batch} and {@code results} at {@code offset} of a little-endian heap buffer. */
    static void write(ByteBuffer into, int offset, EventBatch batch, Results results) {
        int count = batch.count();
        System.arraycopy(batch.array(), 0, into.array(), into.arrayOffset() + offset, count * Event.SIZE);
        for (int i = 0; i < count; i++) {
            into.putInt(resultAt(offset, count, i), results.packed(i));
        }
    }

    /** Fills {@code batch} and {@code results} from the body of {@code count} events at {@code offset}. */
    static void read(ByteBuffer from, int offset, int count, long timestampNanos, EventBatch batch, Results results) {
        batch.clear();
        batch.appendRecords(from.array(), from.arrayOffset() + offset, count);
        batch.timestampNanos(timestampNanos);
        results.reset(count);
        for (int i = 0; i < count; i++) {
            results.setPacked(i, from.getInt(resultAt(offset, count, i)));
        }
    }
}
