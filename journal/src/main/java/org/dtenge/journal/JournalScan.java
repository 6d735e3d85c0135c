package org.dtenge.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtenge.journal.storage.Padding;
import org.dtenge.journal.storage.Storage;
import org.dtenge.journal.storage.StorageFile;
import org.dtenge.ledger.EventBatch;

/**
 * Opening a journal: reads every segment in order, checks every record (header CRC, body CRC, sequence
 * continuity, hash chain, timestamps), builds the {@link BatchIndex} and cuts a torn tail. The rule for
 * what counts as a torn tail is on {@link FileJournal}.
 */
final class JournalScan {
    final List<Segment> segments = new ArrayList<>();
    final BatchIndex index = new BatchIndex();
    TornTail tornTail;

    private final Storage storage;
    private final RecordReader reader;
    private byte[] previousHash = BatchHeader.zeroHash();
    private long timestampMin = Long.MIN_VALUE;

    private JournalScan(Storage storage, RecordReader reader) {
        this.storage = storage;
        this.reader = reader;
    }

    static JournalScan run(Storage storage, RecordReader reader) throws IOException {
        JournalScan scan = new JournalScan(storage, reader);
        try {
            scan.scanAll();
            return scan;
        } catch (IOException | RuntimeException e) {
            for (Segment segment : scan.segments) {
                try {
                    segment.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /** The earliest timestamp the batch after one at {@code timestamp} with {@code count} events may have. */
    static long nextTimestampMin(long timestamp, int count) {
        long span = Math.max(count, 1);
        return timestamp > Long.MAX_VALUE - span ? Long.MAX_VALUE : timestamp + span;
    }

    private void scanAll() throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : storage.list()) {
            if (SegmentHeader.looksLikeSegment(name)) {
                if (SegmentHeader.firstSequence(name) < 1) {
                    throw new JournalCorruptException(storage.describe(name), 0,
                            "a journal segment name must be 20 digits, the first sequence (from 1), then .dtj");
                }
                names.add(name);
            }
        }
        names.sort(null); // zero-padded names sort in sequence order
        for (int i = 0; i < names.size(); i++) {
            scanSegment(names.get(i), i == names.size() - 1);
        }
    }

    private void scanSegment(String name, boolean last) throws IOException {
        long first = SegmentHeader.firstSequence(name);
        StorageFile file = storage.openLog(name);
        Segment segment = new Segment(file, storage.describe(name), first, 0);
        segments.add(segment);
        long expected = index.size() + 1;
        if (first != expected) {
            throw segment.corrupt(0, "segment starts at batch " + first + " but the journal continues at batch "
                    + expected + (first > expected ? " (batches missing)" : " (batches overlap)"));
        }
        long size = file.size();
        if (size < SegmentHeader.SIZE) {
            ByteBuffer partial = reader.readRaw(segment, 0, (int) size);
            if (last && SegmentHeader.isPrefix(partial, first)) {
                segments.removeLast();
                file.close();
                storage.delete(name);
                storage.syncDirectory();
                tornTail = new TornTail(segment.where, 0, size, true);
                return;
            }
            throw segment.corrupt(0, "segment header incomplete (" + size + " of " + SegmentHeader.SIZE
                    + " bytes) or damaged");
        }
        try {
            SegmentHeader.check(reader.readRaw(segment, 0, SegmentHeader.SIZE), first);
        } catch (JournalCorruptException e) {
            throw e.at(segment.where, 0);
        }
        long offset = scanRecords(segment, SegmentHeader.SIZE, size, last);
        if (offset < size) {
            boolean padding = paddingAt(segment, offset, size);
            if (!padding || last) {
                // A torn tail goes; so does the last segment's trailer, so that the file ends where its
                // records do, as appends through the page cache expect (the data may have moved to a
                // file system without direct I/O); direct appends write that block again anyway.
                file.truncate(offset);
                file.force();
            }
            if (!padding) {
                tornTail = new TornTail(segment.where, offset, size - offset, false);
            }
        }
        if (!last && index.size() < first) {
            throw segment.corrupt(SegmentHeader.SIZE, "segment holds no batch but is not the last one");
        }
        segment.end = offset;
    }

    /** Checks records from {@code offset}; returns where the last whole one ends (a torn tail follows it). */
    private long scanRecords(Segment segment, long offset, long size, boolean last) throws IOException {
        int ordinal = segments.size() - 1;
        while (offset < size) {
            long sequence = index.size() + 1;
            if (paddingAt(segment, offset, size) || last && tornOverPadding(segment, offset, size, sequence)) {
                return offset;
            }
            if (size - offset < BatchHeader.SIZE) {
                ByteBuffer partial = reader.readRaw(segment, offset, (int) (size - offset));
                if (last && isHeaderPrefix(partial, sequence)) {
                    return offset;
                }
                throw segment.corrupt(offset, (size - offset) + " bytes after the last record are not the start of batch "
                        + sequence + (last ? "" : " in a segment that is not the last"));
            }
            BatchHeader header = reader.header(segment, offset);
            checkPlace(segment, offset, header, sequence);
            long end = offset + BatchHeader.SIZE + header.bodyLength();
            if (end > size) {
                if (last) {
                    return offset;
                }
                throw segment.corrupt(offset, "batch " + sequence + " runs past the end of a segment that is not the last");
            }
            reader.body(segment, offset, header);
            byte[] hash = header.hash();
            index.add(sequence, header.timestampNanos(), header.eventCount(), ordinal, offset, hash);
            previousHash = hash;
            timestampMin = nextTimestampMin(header.timestampNanos(), header.eventCount());
            offset = end;
        }
        return offset;
    }

    /** Whether the rest of the segment from {@code offset} is a log's padding trailer ({@link Padding}). */
    private boolean paddingAt(Segment segment, long offset, long size) throws IOException {
        long rest = size - offset;
        if (rest < Padding.HEADER || rest > Padding.LENGTH_MAX) {
            return false;
        }
        return Padding.is(reader.readRaw(segment, offset, (int) rest));
    }

    /**
     * A torn append to a log written in whole blocks, over the previous append's trailer: when that
     * trailer began fewer than {@value Padding#HEADER} bytes before the end of a block, the next append
     * rewrites that block and the ones after it. If only that block landed, the file holds the next
     * record's first few bytes up to the block's end, then the rest of the old trailer, which begins
     * where those bytes do.
     */
    private boolean tornOverPadding(Segment segment, long offset, long size, long sequence) throws IOException {
        long rest = size - offset;
        if (rest < Padding.HEADER || rest > Padding.LENGTH_MAX) {
            return false;
        }
        ByteBuffer bytes = reader.readRaw(segment, offset, (int) rest);
        ByteBuffer trailer = ByteBuffer.allocate(Padding.HEADER).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, Padding.MAGIC).putInt(4, (int) rest);
        int at = bytes.position();
        for (int i = at + Padding.HEADER; i < bytes.limit(); i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        for (int landed = 1; landed < Padding.HEADER; landed++) {
            if (same(bytes, trailer, landed, Padding.HEADER)
                    && isHeaderPrefix(bytes.duplicate().order(bytes.order()).limit(at + landed), sequence)) {
                return true;
            }
        }
        return false;
    }

    private void checkPlace(Segment segment, long offset, BatchHeader header, long sequence)
            throws JournalCorruptException {
        if (header.sequence() != sequence) {
            throw segment.corrupt(offset, "found batch " + header.sequence() + " where batch " + sequence + " belongs");
        }
        if (!header.follows(previousHash)) {
            throw segment.corrupt(offset, "hash chain broken: batch " + sequence
                    + "'s previous-batch hash is not the hash of batch " + (sequence - 1));
        }
        if (header.timestampNanos() < timestampMin) {
            throw segment.corrupt(offset, "batch " + sequence + " has timestamp " + header.timestampNanos()
                    + ", before the end of batch " + (sequence - 1) + "'s events at " + timestampMin);
        }
    }

    /**
     * Whether {@code partial} (fewer than {@value BatchHeader#SIZE} bytes) can be the start of batch
     * {@code sequence}'s header: every field it holds whole that can be predicted matches.
     */
    private boolean isHeaderPrefix(ByteBuffer partial, long sequence) {
        int length = partial.remaining();
        ByteBuffer expected = ByteBuffer.allocate(BatchHeader.SIZE).order(partial.order());
        expected.putInt(BatchHeader.AT_MAGIC, BatchHeader.MAGIC);
        expected.putShort(BatchHeader.AT_VERSION, BatchHeader.VERSION);
        expected.putLong(BatchHeader.AT_SEQUENCE, sequence);
        expected.put(BatchHeader.AT_PREVIOUS, previousHash);
        if (!same(partial, expected, 0, Math.min(length, BatchHeader.AT_TIMESTAMP))
                || !same(partial, expected, BatchHeader.AT_PREVIOUS, Math.min(length, BatchHeader.AT_ROOT))) {
            return false;
        }
        if (length >= BatchHeader.AT_PREVIOUS) {
            int count = partial.getInt(BatchHeader.AT_COUNT);
            return count >= 0 && count <= EventBatch.EVENTS_MAX
                    && partial.getInt(BatchHeader.AT_BODY_LENGTH) == BatchHeader.bodyLength(count);
        }
        return true;
    }

    private static boolean same(ByteBuffer a, ByteBuffer b, int from, int to) {
        return to <= from || Arrays.equals(a.array(), a.arrayOffset() + from, a.arrayOffset() + to,
                b.array(), b.arrayOffset() + from, b.arrayOffset() + to);
    }
}
