package org.dtenge.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.dtenge.journal.storage.Storage;
import org.dtenge.journal.storage.StorageFile;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * A {@link Journal} in segment files of a {@link Storage} (see {@link SegmentHeader} for the files and
 * {@link BatchHeader} for the records). All I/O goes through the storage; the journal starts no threads
 * and reads no clock. This version never deletes segments, even those a snapshot covers.
 *
 * <p><b>Opening and the torn-tail rule.</b> {@link #open} reads every segment and checks every record:
 * header and body CRC32C, consecutive sequence numbers, the hash chain, increasing timestamps. The
 * journal only ever appends to files that only grow, so a crash in the middle of a write leaves a
 * <em>prefix</em> of the last record. Segments are logs ({@link Storage#createLog}): a storage that
 * writes them in whole blocks ends each with a {@link org.dtenge.journal.storage.Padding} trailer,
 * which is where the records end (the last segment's is cut at open, so that appends through the page
 * cache would leave nothing of it behind); an append torn over a trailer that ran into the
 * next block leaves the next record's first bytes and then the rest of that trailer, which is a torn
 * tail too. Therefore:
 * <ul>
 *   <li>if the last record of the last segment is incomplete (its header or its body runs past the end
 *       of the file) and the bytes present agree with the start of the expected next record, it is a
 *       torn tail: it is cut off (truncate, then fsync) and reported in {@link #openReport()}. A last
 *       segment too short to hold its own segment header is deleted in the same way;</li>
 *   <li>any other damage stops opening with a {@link JournalCorruptException} that names the file, the
 *       byte offset and the problem: a whole record whose header or body CRC fails (the last one too,
 *       since a torn write cannot produce a whole record), a sequence gap, a broken hash chain, a bad
 *       segment header, or bytes after the last record that are not the start of a record. Data is never
 *       dropped silently.</li>
 * </ul>
 *
 * <p>Thread safety: one thread appends and syncs; any thread may read (read, header, locate, receipt,
 * heads) at the same time. Every method but {@link #sync()} and {@link #read} takes the journal's lock;
 * the fsync runs outside it so that reads are not held up by the disk, and {@code read} takes it only to
 * look up where a batch is, so that appends are not held up by a reader.
 *
 * <p>Appending writes one record with one write, from a reused buffer: no allocation per event. When a
 * segment is full, it is fsynced before the next one is created, so that only the last segment can ever
 * hold unsynced data, which is what the torn-tail rule assumes.
 */
public final class FileJournal implements Journal {
    private final Storage storage;
    private final JournalOptions options;
    private final List<Segment> segments;
    private final BatchIndex index;
    private final OpenReport openReport;
    private final RecordReader reader;
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(BatchHeader.SIZE
            + BatchHeader.bodyLength(EventBatch.EVENTS_MAX)).order(ByteOrder.LITTLE_ENDIAN);
    private final Merkle merkle = new Merkle();
    private final BatchBody leaves = new BatchBody();
    private final CRC32C crc = new CRC32C();
    private final byte[] root = new byte[Merkle.HASH_SIZE];
    /** Per reading thread (the projection's, recovery's read-ahead): {@link #read} runs outside the lock. */
    private final ThreadLocal<ReadScratch> readScratch = ThreadLocal.withInitial(ReadScratch::new);
    private byte[] headHash;
    private long timestampMin;
    private EventBatch scratchBatch;
    private Results scratchResults;
    /** Set when a write or sync failed: the files are in an unknown state until the journal is reopened. */
    private IOException failure;
    /** The last batch known to be on disk: written by the syncing thread, read by any. */
    private volatile long durableSequence;

    private FileJournal(Storage storage, JournalOptions options, JournalScan scan, RecordReader reader) {
        this.storage = storage;
        this.options = options;
        this.reader = reader;
        this.segments = scan.segments;
        this.index = scan.index;
        long head = index.size();
        this.headHash = index.hash(head);
        this.durableSequence = head;
        this.timestampMin = head == 0 ? Long.MIN_VALUE
                : JournalScan.nextTimestampMin(index.timestampNanos(head), index.eventCount(head));
        this.openReport = new OpenReport(segments.size(), head(), Optional.ofNullable(scan.tornTail));
    }

    /** Opens (and recovers, see above) the journal in {@code storage}; an empty storage gives an empty journal. */
    public static FileJournal open(Storage storage, JournalOptions options) throws IOException {
        RecordReader reader = new RecordReader();
        JournalScan scan = JournalScan.run(storage, reader);
        if (!scan.segments.isEmpty()) {
            // After a process crash (not a power loss) the last records may be readable from the page
            // cache without being on disk yet: make them durable before anything builds on them.
            scan.segments.getLast().file.force();
        }
        return new FileJournal(storage, options, scan, reader);
    }

    /** What opening found, the torn tail cut off included. */
    public OpenReport openReport() {
        return openReport;
    }

    @Override
    public synchronized BatchHeader append(EventBatch batch, Results results) throws IOException {
        checkUsable();
        int count = batch.count();
        long timestamp = batch.timestampNanos();
        if (results.count() != count) {
            throw new IllegalArgumentException("batch has " + count + " events but " + results.count() + " results");
        }
        if (timestamp < timestampMin || timestamp > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("batch timestamp " + timestamp
                    + " must be at or after the previous batch's last event + 1 (" + timestampMin + ")");
        }
        long sequence = index.size() + 1;
        int recordLength = BatchHeader.SIZE + BatchHeader.bodyLength(count);
        try {
            Segment segment = segmentFor(sequence, recordLength);
            writeBuffer.clear();
            BatchBody.write(writeBuffer, BatchHeader.SIZE, batch, results);
            crc.reset();
            crc.update(writeBuffer.array(), BatchHeader.SIZE, BatchHeader.bodyLength(count));
            merkle.root(count, leaves.over(writeBuffer.array(), BatchHeader.SIZE, count), root, 0);
            BatchHeader header = BatchHeader.write(writeBuffer, 0, sequence, timestamp, count, headHash, root,
                    (int) crc.getValue(), reader.sha256);
            writeBuffer.clear().limit(recordLength);
            segment.file.write(segment.end, writeBuffer);
            headHash = header.hash();
            index.add(sequence, timestamp, count, segments.size() - 1, segment.end, headHash);
            segment.end += recordLength;
            timestampMin = JournalScan.nextTimestampMin(timestamp, count);
            return header;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** The segment to append a record to: the last one, or a new one when there is none or it is full. */
    private Segment segmentFor(long sequence, int recordLength) throws IOException {
        if (!segments.isEmpty()) {
            Segment last = segments.getLast();
            boolean empty = last.end == SegmentHeader.SIZE;
            if (empty || last.end + recordLength <= options.segmentBytesMax()) {
                return last;
            }
            // Only the last segment may hold unsynced bytes: see the torn-tail rule.
            last.file.force();
        }
        String name = SegmentHeader.name(sequence);
        StorageFile file = storage.createLog(name);
        Segment segment = new Segment(file, storage.describe(name), sequence, SegmentHeader.SIZE);
        segments.add(segment);
        file.write(0, SegmentHeader.encode(sequence));
        storage.syncDirectory();
        return segment;
    }

    /**
     * Forces the last segment. Runs without the journal's lock, so that readers on other threads are
     * not held up by the fsync; only the appending thread calls append and sync.
     */
    @Override
    public void sync() throws IOException {
        StorageFile last;
        long appended;
        synchronized (this) {
            checkUsable();
            if (segments.isEmpty()) {
                return;
            }
            last = segments.getLast().file;
            appended = index.size();
        }
        try {
            last.force();
        } catch (IOException e) {
            // After a failed fsync the kernel may have dropped the dirty pages: retrying could report
            // success for lost data, so the journal must be reopened (and recovered) instead.
            synchronized (this) {
                failure = e;
            }
            throw e;
        }
        durableSequence = appended;
    }

    @Override
    public synchronized JournalHead durableHead() {
        long sequence = durableSequence;
        return new JournalHead(sequence, index.hash(sequence));
    }

    @Override
    public synchronized JournalHead head() {
        return new JournalHead(index.size(), headHash);
    }

    /**
     * Reads batch {@code sequence} and checks it as {@link #receipt} does, but outside the journal's
     * lock: under it, only where the record is and the hashes it must chain to are looked up. A reader
     * that reads a whole batch from disk and recomputes its Merkle root (the projection catching up, at
     * a low CPU priority) then never holds up appends meanwhile. Records up to the head never change,
     * and the storage's files take reads from several threads alongside the appends.
     */
    @Override
    public BatchHeader read(long sequence, EventBatch batch, Results results) throws IOException {
        Segment segment;
        long offset;
        byte[] previous;
        byte[] expected;
        synchronized (this) {
            checkUsable();
            segment = segments.get(index.segment(sequence));
            offset = index.offset(sequence);
            previous = index.hash(sequence - 1);
            expected = index.hash(sequence);
        }
        ReadScratch scratch = readScratch.get();
        BatchHeader header = checkedHeader(scratch.reader, segment, offset, sequence, previous, expected);
        scratch.reader.body(segment, offset, header);
        checkRoot(segment, offset, header, scratch.reader.buffer.array(), scratch.merkle, scratch.leaves, scratch.root);
        BatchBody.read(scratch.reader.buffer, RecordReader.BODY, header.eventCount(), header.timestampNanos(), batch,
                results);
        return header;
    }

    /** What a thread needs to read and check a batch on its own: a buffer for the largest record, and hashing. */
    private static final class ReadScratch {
        final RecordReader reader = new RecordReader();
        final Merkle merkle = new Merkle();
        final BatchBody leaves = new BatchBody();
        final byte[] root = new byte[Merkle.HASH_SIZE];
    }

    /** Reads batch {@code sequence} into the reader's buffer and checks it, Merkle root included. */
    private BatchHeader readChecked(long sequence) throws IOException {
        Segment segment = segments.get(index.segment(sequence));
        long offset = index.offset(sequence);
        BatchHeader header = headerChecked(segment, offset, sequence);
        reader.body(segment, offset, header);
        checkRoot(segment, offset, header, reader.buffer.array(), merkle, leaves, root);
        return header;
    }

    /** Checks that the body in {@code body} (from {@link RecordReader#BODY}) has the Merkle root its header holds. */
    private static void checkRoot(Segment segment, long offset, BatchHeader header, byte[] body, Merkle merkle,
                                  BatchBody leaves, byte[] root) throws JournalCorruptException {
        merkle.root(header.eventCount(), leaves.over(body, RecordReader.BODY, header.eventCount()), root, 0);
        if (!header.hasRoot(root)) {
            throw segment.corrupt(offset + BatchHeader.SIZE, "batch " + header.sequence()
                    + " Merkle root mismatch: its events or results differ from what its header commits to");
        }
    }

    private BatchHeader headerChecked(Segment segment, long offset, long sequence) throws IOException {
        return checkedHeader(reader, segment, offset, sequence, index.hash(sequence - 1), index.hash(sequence));
    }

    /** Reads the header at {@code offset} and checks that it is batch {@code sequence}, chained as the index says. */
    private static BatchHeader checkedHeader(RecordReader reader, Segment segment, long offset, long sequence,
                                             byte[] previous, byte[] expected) throws IOException {
        BatchHeader header = reader.header(segment, offset);
        if (header.sequence() != sequence) {
            throw segment.corrupt(offset, "found batch " + header.sequence() + " where batch " + sequence + " belongs");
        }
        if (!header.follows(previous)) {
            throw segment.corrupt(offset, "hash chain broken: batch " + sequence
                    + "'s previous-batch hash is not the hash of batch " + (sequence - 1));
        }
        if (!header.hasHash(expected)) {
            throw segment.corrupt(offset, "batch " + sequence + " changed on disk since the journal was opened");
        }
        return header;
    }

    @Override
    public synchronized BatchHeader header(long sequence) throws IOException {
        checkUsable();
        return headerChecked(segments.get(index.segment(sequence)), index.offset(sequence), sequence);
    }

    @Override
    public synchronized void replay(long fromSequence, BatchConsumer consumer) throws IOException {
        checkUsable();
        long head = index.size();
        if (fromSequence < 1 || fromSequence > head + 1) {
            throw new IllegalArgumentException("replay from batch " + fromSequence + " of a journal of " + head);
        }
        EventBatch batch = scratchBatch();
        Results results = scratchResults();
        for (long sequence = fromSequence; sequence <= head; sequence++) {
            consumer.accept(read(sequence, batch, results), batch, results);
        }
    }

    @Override
    public synchronized Optional<EventPosition> locate(long timestampNanos) {
        long sequence = index.sequenceAt(timestampNanos);
        if (sequence == 0) {
            return Optional.empty();
        }
        return Optional.of(new EventPosition(sequence, (int) (timestampNanos - index.timestampNanos(sequence))));
    }

    @Override
    public synchronized Receipt receipt(long sequence, int eventIndex, long headSequence) throws IOException {
        checkUsable();
        if (headSequence < sequence || headSequence > index.size()) {
            throw new IllegalArgumentException("receipt head " + headSequence + " must be from batch " + sequence
                    + " to the journal head " + index.size());
        }
        BatchHeader header = readChecked(sequence);
        int count = header.eventCount();
        if (eventIndex < 0 || eventIndex >= count) {
            throw new IllegalArgumentException("batch " + sequence + " has no event " + eventIndex + " (it has " + count + ")");
        }
        byte[] body = reader.buffer.array();
        List<byte[]> path = merkle.auditPath(count, leaves.over(body, RecordReader.BODY, count), eventIndex);
        int eventAt = RecordReader.BODY + eventIndex * Event.SIZE;
        byte[] event = java.util.Arrays.copyOfRange(body, eventAt, eventAt + Event.SIZE);
        int result = reader.buffer.getInt(BatchBody.resultAt(RecordReader.BODY, count, eventIndex));
        List<BatchHeader> later = new ArrayList<>();
        for (long s = sequence + 1; s <= headSequence; s++) {
            later.add(header(s));
        }
        return new Receipt(event, result, eventIndex, header, path, later);
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("the journal failed a write or sync earlier (" + failure.getMessage()
                    + "): reopen it to recover", failure);
        }
    }

    private EventBatch scratchBatch() {
        if (scratchBatch == null) {
            scratchBatch = new EventBatch();
        }
        return scratchBatch;
    }

    private Results scratchResults() {
        if (scratchResults == null) {
            scratchResults = new Results();
        }
        return scratchResults;
    }
}
