package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dtenge.journal.FileJournalTest.Appended;
import org.dtenge.journal.storage.FileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash in the middle of the last write leaves a prefix of the last record: it is cut off and reported. */
/*
 * Logs through the page cache (FileStorage(path, false)): these tests cut and edit segment files byte
 * by byte and expect a file to end where its last record does. DirectLogTest covers logs written with
 * direct I/O in whole blocks, which end in a padding trailer.
 */
class TornTailTest {
    @TempDir
    Path directory;

    @Test
    void everyPrefixOfTheLastRecordIsCutOffAndEarlierBatchesSurvive() throws IOException {
        Path original = directory.resolve("original");
        LedgerWorkload workload = new LedgerWorkload(21);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(new FileStorage(original, false), JournalOptions.defaults())) {
            appended = FileJournalTest.append(journal, workload, 4, 4);
        }
        Path segment = original.resolve("00000000000000000001.dtj");
        byte[] whole = JournalFiles.read(segment);
        Appended last = appended.getLast();
        long lastOffset = whole.length - (BatchHeader.SIZE + last.header().bodyLength());
        List<Appended> survivors = appended.subList(0, appended.size() - 1);
        for (long cut = lastOffset; cut < whole.length; cut++) {
            Path copy = JournalFiles.copy(original, directory.resolve("cut-" + cut));
            JournalFiles.write(copy.resolve(segment.getFileName()), Arrays.copyOf(whole, (int) cut));
            FileStorage storage = new FileStorage(copy, false);
            try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
                if (cut == lastOffset) {
                    assertThat(journal.openReport().tornTail()).as("cut at a record boundary").isEmpty();
                } else {
                    assertThat(journal.openReport().tornTail()).as("cut at %d", cut).contains(new TornTail(
                            storage.describe(segment.getFileName().toString()), lastOffset, cut - lastOffset, false));
                }
                assertThat(JournalFiles.size(copy.resolve(segment.getFileName()))).isEqualTo(lastOffset);
                FileJournalTest.assertHolds(journal, survivors);
                // The sequencer re-runs the lost batch: the same bytes give the same record and hash.
                restoreLast(workload, last);
                assertThat(journal.append(workload.batch, workload.results)).isEqualTo(last.header());
            }
            try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
                assertThat(journal.openReport().tornTail()).isEmpty();
                FileJournalTest.assertHolds(journal, appended);
            }
        }
    }

    @Test
    void aLastSegmentWithoutAWholeSegmentHeaderIsDeleted() throws IOException {
        Path original = directory.resolve("original");
        List<Appended> appended;
        JournalOptions options = new JournalOptions(4096);
        try (FileJournal journal = FileJournal.open(new FileStorage(original, false), options)) {
            appended = FileJournalTest.append(journal, new LedgerWorkload(22), 3, 30);
        }
        List<String> names = new FileStorage(original, false).list();
        assertThat(names).hasSize(3);
        Path lastSegment = original.resolve(names.getLast());
        byte[] whole = JournalFiles.read(lastSegment);
        // Every cut through the segment header and the record header; the body in strides (the test
        // above cuts a last record at every byte).
        for (int cut = 0; cut < whole.length; cut += cut < 32 + BatchHeader.SIZE + 8 ? 1 : 61) {
            Path copy = JournalFiles.copy(original, directory.resolve("cut-" + cut));
            JournalFiles.write(copy.resolve(names.getLast()), Arrays.copyOf(whole, cut));
            FileStorage storage = new FileStorage(copy, false);
            try (FileJournal journal = FileJournal.open(storage, options)) {
                if (cut == 32) {
                    assertThat(journal.openReport().tornTail()).as("a segment header alone is whole").isEmpty();
                } else {
                    TornTail torn = journal.openReport().tornTail().orElseThrow();
                    assertThat(torn.fileDeleted()).isEqualTo(cut < 32);
                    assertThat(torn.offset()).isEqualTo(cut < 32 ? 0 : 32);
                    assertThat(torn.bytesCut()).isEqualTo(cut < 32 ? cut : cut - 32);
                }
                assertThat(storage.list()).hasSize(cut < 32 ? 2 : 3);
                FileJournalTest.assertHolds(journal, appended.subList(0, 2));
                // Appending again makes the segment anew, with the same record.
                LedgerWorkload workload = new LedgerWorkload(0);
                restoreLast(workload, appended.getLast());
                assertThat(journal.append(workload.batch, workload.results)).isEqualTo(appended.getLast().header());
                assertThat(storage.list()).isEqualTo(names);
            }
        }
    }

    @Test
    void bytesAfterTheLastRecordThatAreTheStartOfTheNextAreATornTail() throws IOException {
        Path path = directory.resolve("journal");
        FileStorage storage = new FileStorage(path, false);
        LedgerWorkload workload = new LedgerWorkload(23);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            appended = FileJournalTest.append(journal, workload, 3, 5);
        }
        // The start of the header of batch 4, as a crash after its first 40 bytes would leave it.
        byte[] start = new byte[40];
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(start).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, BatchHeader.MAGIC).putShort(4, BatchHeader.VERSION).putLong(8, 4).putLong(16, Long.MAX_VALUE - 99)
                .putInt(24, 2).putInt(28, 2 * 132);
        header.put(32, appended.getLast().header().hash(), 0, 8);
        Path segment = path.resolve("00000000000000000001.dtj");
        byte[] whole = JournalFiles.read(segment);
        byte[] longer = Arrays.copyOf(whole, whole.length + start.length);
        System.arraycopy(start, 0, longer, whole.length, start.length);
        JournalFiles.write(segment, longer);
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail().orElseThrow().bytesCut()).isEqualTo(40);
            FileJournalTest.assertHolds(journal, appended);
        }
    }

    private static void restoreLast(LedgerWorkload workload, Appended last) {
        workload.batch.clear();
        workload.batch.appendRecords(last.events(), 0, last.results().length);
        workload.batch.timestampNanos(last.timestampNanos());
        workload.results.reset(last.results().length);
        for (int i = 0; i < last.results().length; i++) {
            workload.results.setPacked(i, last.results()[i]);
        }
    }
}
