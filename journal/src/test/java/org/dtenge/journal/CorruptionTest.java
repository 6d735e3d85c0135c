package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * Logs through the page cache (FileStorage(path, false)): these tests cut and edit segment files byte
 * by byte and expect a file to end where its last record does. DirectLogTest covers logs written with
 * direct I/O in whole blocks, which end in a padding trailer.
 */
/** Damage that a torn write cannot explain stops the journal with the file, the offset and the problem. */
class CorruptionTest {
    private static final JournalOptions SMALL_SEGMENTS = new JournalOptions(4096);

    @TempDir
    Path directory;

    /** Genesis and a 4-event batch in segment 1, then small batches: 14 batches in three segments. */
    private FileStorage journal(Path path, long seed) throws IOException {
        FileStorage storage = new FileStorage(path, false);
        LedgerWorkload workload = new LedgerWorkload(seed);
        try (FileJournal journal = FileJournal.open(storage, SMALL_SEGMENTS)) {
            for (int events : new int[] {0, 4, 3, 1, 4, 2, 3, 4, 2, 1, 4, 4, 3, 4}) {
                workload.next(events);
                journal.append(workload.batch, workload.results);
            }
            journal.sync();
        }
        return storage;
    }

    @Test
    void aFlippedBitAnywhereInAWholeRecordOrASegmentHeaderStopsOpening() throws IOException {
        FileStorage storage = journal(directory, 31);
        List<String> names = storage.list();
        assertThat(names).hasSizeGreaterThanOrEqualTo(3);
        int checked = 0;
        for (String name : names) {
            Path file = directory.resolve(name);
            byte[] whole = JournalFiles.read(file);
            List<Long> records = recordStarts(whole);
            for (int at = 0; at < whole.length; at++) {
                byte[] damaged = whole.clone();
                damaged[at] ^= (byte) (1 << (at % 8));
                JournalFiles.write(file, damaged);
                String expected = storage.describe(name) + " at offset " + expectedOffset(records, at) + ": ";
                assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS).close()).as("%s byte %d", name, at)
                        .isInstanceOf(JournalCorruptException.class).hasMessageStartingWith(expected);
                checked++;
            }
            JournalFiles.write(file, whole);
        }
        assertThat(checked).isGreaterThan(5_000);
        try (FileJournal journal = FileJournal.open(storage, SMALL_SEGMENTS)) {
            assertThat(journal.head().sequence()).isEqualTo(14);
        }
    }

    @Test
    void messagesSayWhatIsWrong() throws IOException {
        FileStorage storage = journal(directory, 32);
        String name = storage.list().getFirst();
        Path file = directory.resolve(name);
        byte[] whole = JournalFiles.read(file);
        long second = recordStarts(whole).get(1);
        byte[] damaged = whole.clone();
        damaged[(int) second + BatchHeader.SIZE + 5] ^= 0x10;
        JournalFiles.write(file, damaged);
        assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS))
                .hasMessageMatching(".*00000000000000000001\\.dtj at offset " + (second + BatchHeader.SIZE)
                        + ": batch 2 body CRC32C mismatch \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\)");
        damaged = whole.clone();
        damaged[(int) second + 10] ^= 0x01; // the third byte of the sequence: 2 becomes 65538
        JournalFiles.write(file, damaged);
        assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS))
                .hasMessageMatching(".*00000000000000000001\\.dtj at offset " + second
                        + ": batch header CRC32C mismatch \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}; sequence field reads 65538\\)");
    }

    @Test
    void garbageAfterTheLastRecordStopsOpening() throws IOException {
        FileStorage storage = journal(directory, 33);
        String last = storage.list().getLast();
        Path file = directory.resolve(last);
        byte[] whole = JournalFiles.read(file);
        for (byte[] garbage : List.of(new byte[] {0}, new byte[] {'D', 'T', 'J', 'X'}, new byte[200], "junk".getBytes())) {
            byte[] longer = Arrays.copyOf(whole, whole.length + garbage.length);
            System.arraycopy(garbage, 0, longer, whole.length, garbage.length);
            JournalFiles.write(file, longer);
            assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS))
                    .isInstanceOf(JournalCorruptException.class)
                    .hasMessageStartingWith(storage.describe(last) + " at offset " + whole.length + ": ");
            assertThat(JournalFiles.size(file)).as("nothing is cut").isEqualTo(longer.length);
        }
    }

    @Test
    void aMissingSegmentIsASequenceGap() throws IOException {
        FileStorage storage = journal(directory, 34);
        List<String> names = storage.list();
        storage.delete(names.get(1));
        assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining(storage.describe(names.get(2)) + " at offset 0: segment starts at batch")
                .hasMessageContaining("(batches missing)");
    }

    @Test
    void aSegmentFromAnotherHistoryBreaksTheHashChain() throws IOException {
        FileStorage ours = journal(directory.resolve("ours"), 35);
        FileStorage theirs = journal(directory.resolve("theirs"), 36);
        String second = ours.list().get(1);
        assertThat(theirs.list().get(1)).isEqualTo(second);
        java.nio.file.Files.copy(directory.resolve("theirs").resolve(second), directory.resolve("ours").resolve(second),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> FileJournal.open(ours, SMALL_SEGMENTS))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessage(ours.describe(second) + " at offset 32: hash chain broken: batch 3's previous-batch hash"
                        + " is not the hash of batch 2");
    }

    @Test
    void aBadSegmentNameStopsOpening() throws IOException {
        FileStorage storage = journal(directory, 37);
        storage.create("1.dtj").close();
        assertThatThrownBy(() -> FileJournal.open(storage, SMALL_SEGMENTS))
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("1.dtj at offset 0");
    }

    @Test
    void readingFindsDamageDoneAfterOpening() throws IOException {
        FileStorage storage = journal(directory, 38);
        String name = storage.list().getFirst();
        Path file = directory.resolve(name);
        byte[] whole = JournalFiles.read(file);
        try (FileJournal journal = FileJournal.open(storage, SMALL_SEGMENTS)) {
            byte[] damaged = whole.clone();
            damaged[40 + BatchHeader.SIZE] ^= 0x40;
            JournalFiles.write(file, damaged);
            assertThatThrownBy(() -> journal.read(1, new EventBatch(), new Results()))
                    .isInstanceOf(JournalCorruptException.class)
                    .hasMessageContaining("at offset " + (32 + BatchHeader.SIZE) + ": batch 1 body CRC32C mismatch");
            assertThatThrownBy(() -> journal.replay(1, (header, batch, results) -> {}))
                    .isInstanceOf(JournalCorruptException.class);
        }
    }

    /**
     * Someone edits an event and fixes up both CRCs: the last batch still opens (its CRCs and place in
     * the chain hold), but reading it finds that its events no longer hash to its Merkle root.
     */
    @Test
    void anEditedLastBatchWithFixedUpCrcsFailsItsMerkleRoot() throws IOException {
        FileStorage storage = journal(directory, 39);
        String last = storage.list().getLast();
        Path file = directory.resolve(last);
        byte[] bytes = JournalFiles.read(file);
        int record = recordStarts(bytes).getLast().intValue();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = buffer.getInt(record + 24);
        buffer.putLong(record + BatchHeader.SIZE + 56, 1_000_000_000L); // the first event's amount
        CRC32C crc = new CRC32C();
        crc.update(bytes, record + BatchHeader.SIZE, count * 132);
        buffer.putInt(record + 96, (int) crc.getValue());
        crc.reset();
        crc.update(bytes, record, 100);
        buffer.putInt(record + 100, (int) crc.getValue());
        JournalFiles.write(file, bytes);
        try (FileJournal journal = FileJournal.open(storage, SMALL_SEGMENTS)) {
            assertThatThrownBy(() -> journal.read(14, new EventBatch(), new Results()))
                    .isInstanceOf(JournalCorruptException.class)
                    .hasMessage(storage.describe(last) + " at offset " + (record + BatchHeader.SIZE)
                            + ": batch 14 Merkle root mismatch: its events or results differ from what its header commits to");
        }
    }

    /** Where each record of a segment file starts. */
    static List<Long> recordStarts(byte[] segment) {
        ByteBuffer buffer = ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> starts = new ArrayList<>();
        for (int at = 32; at < segment.length; at += BatchHeader.SIZE + buffer.getInt(at + 28)) {
            starts.add((long) at);
        }
        return starts;
    }

    /** The offset an error about damage at byte {@code at} names: the segment header, a record header or a body. */
    private static long expectedOffset(List<Long> records, int at) {
        if (at < 32) {
            return 0;
        }
        long record = records.stream().filter(start -> start <= at).reduce((a, b) -> b).orElseThrow();
        return at < record + BatchHeader.SIZE ? record : record + BatchHeader.SIZE;
    }
}
