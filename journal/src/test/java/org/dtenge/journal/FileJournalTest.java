package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
    @TempDir
    Path directory;

    /** What was appended, copied out of the reused batch. */
    record Appended(BatchHeader header, long timestampNanos, byte[] events, int[] results) {
        static Appended of(BatchHeader header, EventBatch batch, Results results) {
            int[] packed = new int[results.count()];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = results.packed(i);
            }
            return new Appended(header, batch.timestampNanos(), Arrays.copyOf(batch.array(), batch.count() * 128), packed);
        }

        void assertSameAs(BatchHeader readHeader, EventBatch batch, Results results) {
            assertThat(readHeader).isEqualTo(header);
            assertThat(batch.timestampNanos()).isEqualTo(timestampNanos);
            assertThat(Arrays.copyOf(batch.array(), batch.count() * 128)).isEqualTo(events);
            assertThat(results.count()).isEqualTo(this.results.length);
            for (int i = 0; i < this.results.length; i++) {
                assertThat(results.packed(i)).as("result %d of batch %d", i, header.sequence()).isEqualTo(this.results[i]);
            }
        }
    }

    static List<Appended> append(Journal journal, LedgerWorkload workload, int batches, int eventsMax) throws IOException {
        List<Appended> appended = new ArrayList<>();
        java.util.Random random = new java.util.Random(batches * 31L + eventsMax);
        for (int i = 0; i < batches; i++) {
            workload.next(1 + random.nextInt(eventsMax));
            BatchHeader header = journal.append(workload.batch, workload.results);
            appended.add(Appended.of(header, workload.batch, workload.results));
        }
        journal.sync();
        return appended;
    }

    static void assertHolds(Journal journal, List<Appended> appended) throws IOException {
        assertThat(journal.head().sequence()).isEqualTo(appended.size());
        assertThat(journal.head().hash()).isEqualTo(appended.getLast().header().hash());
        EventBatch batch = new EventBatch();
        Results results = new Results();
        for (Appended expected : appended) {
            expected.assertSameAs(journal.read(expected.header().sequence(), batch, results), batch, results);
            assertThat(journal.header(expected.header().sequence())).isEqualTo(expected.header());
        }
        List<Long> replayed = new ArrayList<>();
        journal.replay(1, (header, b, r) -> {
            appended.get((int) header.sequence() - 1).assertSameAs(header, b, r);
            replayed.add(header.sequence());
        });
        assertThat(replayed).hasSize(appended.size()).isSorted();
    }

    @Test
    void appendSyncAndReopenGiveTheSameBatchesAndResults() throws IOException {
        FileStorage storage = new FileStorage(directory);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            appended = append(journal, new LedgerWorkload(1), 30, 300);
            assertHolds(journal, appended);
        }
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            assertThat(journal.openReport().segmentCount()).isEqualTo(1);
            assertThat(journal.openReport().head()).isEqualTo(journal.head());
            assertHolds(journal, appended);
            List<Long> fromMiddle = new ArrayList<>();
            journal.replay(17, (header, batch, results) -> fromMiddle.add(header.sequence()));
            assertThat(fromMiddle).first().isEqualTo(17L);
            assertThat(fromMiddle).hasSize(14);
        }
        assertThat(storage.list()).containsExactly("00000000000000000001.dtj");
    }

    @Test
    void theDurableHeadMovesOnlyWithSync() throws IOException {
        FileStorage storage = new FileStorage(directory);
        LedgerWorkload workload = new LedgerWorkload(4);
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            append(journal, workload, 3, 20);
            JournalHead synced = journal.head();
            assertThat(journal.durableHead()).isEqualTo(synced);
            workload.next(5);
            journal.append(workload.batch, workload.results);
            assertThat(journal.head().sequence()).isEqualTo(4);
            assertThat(journal.durableHead()).isEqualTo(synced);
            journal.sync();
            assertThat(journal.durableHead()).isEqualTo(journal.head());
        }
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            assertThat(journal.durableHead()).as("opening makes what it found durable").isEqualTo(journal.head());
        }
    }

    @Test
    void readersOnOtherThreadsSeeWholeBatchesWhileOneThreadAppends() throws Exception {
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            LedgerWorkload workload = new LedgerWorkload(5);
            append(journal, workload, 1, 50);
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            Thread reader = Thread.ofPlatform().start(() -> {
                EventBatch batch = new EventBatch();
                Results results = new Results();
                try {
                    for (int i = 0; i < 2_000; i++) {
                        reads.incrementAndGet();
                        long durable = journal.durableHead().sequence();
                        if (durable > 0) {
                            BatchHeader header = journal.read(durable, batch, results);
                            assertThat(header.eventCount()).isEqualTo(batch.count());
                            assertThat(journal.receipt(durable, 0, durable)).isNotNull();
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            for (int i = 0; i < 200; i++) {
                append(journal, workload, 1, 50); // one batch and a sync each time
            }
            reader.join();
            assertThat(failures).isEmpty();
            assertThat(reads.get()).isEqualTo(2_000);
        }
    }

    @Test
    void theHashChainLinksEveryBatchToTheOneBefore() throws IOException {
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            List<Appended> appended = append(journal, new LedgerWorkload(2), 10, 50);
            assertThat(appended.getFirst().header().previousHash()).isEqualTo(new byte[32]);
            for (int i = 1; i < appended.size(); i++) {
                BatchHeader header = appended.get(i).header();
                assertThat(header.sequence()).isEqualTo(i + 1);
                assertThat(header.previousHash()).isEqualTo(appended.get(i - 1).header().hash());
            }
        }
    }

    @Test
    void anEmptyJournalHasHeadZero() throws IOException {
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            assertThat(journal.head()).isEqualTo(new JournalHead(0, new byte[32]));
            assertThat(journal.locate(LedgerWorkload.START)).isEmpty();
            journal.replay(1, (header, batch, results) -> {
                throw new AssertionError("nothing to replay");
            });
            journal.sync();
        }
    }

    @Test
    void appendingContinuesTheChainAfterReopening() throws IOException {
        FileStorage storage = new FileStorage(directory);
        LedgerWorkload workload = new LedgerWorkload(3);
        List<Appended> appended = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
                appended.addAll(append(journal, workload, 4, 40));
                assertHolds(journal, appended);
            }
        }
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            assertHolds(journal, appended);
        }
    }

    @Test
    void locateFindsEveryEventByItsTimestamp() throws IOException {
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            List<Appended> appended = append(journal, new LedgerWorkload(4), 25, 60);
            for (Appended batch : appended) {
                long sequence = batch.header().sequence();
                for (int i = 0; i < batch.results().length; i++) {
                    assertThat(journal.locate(batch.timestampNanos() + i)).contains(new EventPosition(sequence, i));
                }
                long after = batch.timestampNanos() + batch.results().length;
                boolean nextStartsThere = sequence < appended.size() && appended.get((int) sequence).timestampNanos() == after;
                if (!nextStartsThere) {
                    assertThat(journal.locate(after)).as("after batch %d", sequence).isEmpty();
                }
            }
            assertThat(journal.locate(appended.getFirst().timestampNanos() - 1)).isEmpty();
            assertThat(journal.locate(Long.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void segmentsRollOverAtTheConfiguredSize() throws IOException {
        FileStorage storage = new FileStorage(directory);
        JournalOptions options = new JournalOptions(4096);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(storage, options)) {
            appended = append(journal, new LedgerWorkload(5), 40, 20);
            assertHolds(journal, appended);
        }
        List<String> names = storage.list();
        assertThat(names.size()).isGreaterThan(10);
        assertThat(names.getFirst()).isEqualTo("00000000000000000001.dtj");
        for (String name : names) {
            assertThat(JournalFiles.size(directory.resolve(name))).as(name).isLessThanOrEqualTo(4096);
        }
        try (FileJournal journal = FileJournal.open(storage, options)) {
            assertThat(journal.openReport().segmentCount()).isEqualTo(names.size());
            assertHolds(journal, appended);
            // Every segment is named by the first batch in it.
            for (String name : names) {
                long first = Long.parseLong(name.substring(0, 20));
                assertThat(journal.header(first).sequence()).isEqualTo(first);
            }
        }
    }

    @Test
    void aRecordLargerThanASegmentGetsASegmentOfItsOwn() throws IOException {
        FileStorage storage = new FileStorage(directory, false); // page-cache logs: checks a file's exact size
        JournalOptions options = new JournalOptions(4096);
        List<Appended> appended = new ArrayList<>();
        LedgerWorkload workload = new LedgerWorkload(6);
        try (FileJournal journal = FileJournal.open(storage, options)) {
            for (int events : new int[] {0, 100, 5, 100, 100, 3}) {
                workload.next(events);
                appended.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
            }
            journal.sync();
        }
        // Genesis (25 events) fits; each 100-event record (13,304 bytes) gets a segment of its own, and the
        // small batch after one goes to a new segment because the oversized one is already full.
        assertThat(storage.list()).containsExactly("00000000000000000001.dtj", "00000000000000000002.dtj",
                "00000000000000000003.dtj", "00000000000000000004.dtj", "00000000000000000005.dtj",
                "00000000000000000006.dtj");
        assertThat(JournalFiles.size(directory.resolve("00000000000000000002.dtj"))).isEqualTo(32 + 104 + 100 * 132);
        try (FileJournal journal = FileJournal.open(storage, options)) {
            assertHolds(journal, appended);
        }
    }

    @Test
    void refusesBatchesOutOfTimeOrderOrWithTheWrongResults() throws IOException {
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            LedgerWorkload workload = new LedgerWorkload(7);
            workload.next(0);
            journal.append(workload.batch, workload.results);
            long lastEvent = workload.batch.timestampNanos() + workload.batch.count() - 1;
            workload.next(10);
            workload.batch.timestampNanos(lastEvent);
            assertThatThrownBy(() -> journal.append(workload.batch, workload.results))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
            workload.batch.timestampNanos(lastEvent + 1);
            workload.results.reset(3);
            assertThatThrownBy(() -> journal.append(workload.batch, workload.results))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("results");
            assertThat(journal.head().sequence()).isEqualTo(1);
        }
    }

    @Test
    void appendingAFullBatchAllocatesOnlyAFewObjects() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (FileJournal journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults())) {
            EventBatch batch = new EventBatch();
            Results results = new Results();
            for (int i = 0; i < EventBatch.EVENTS_MAX; i++) {
                batch.transfer(0, i + 1, 0, 10, 0, 11, 5, 1, 0);
            }
            results.reset(batch.count());
            long timestamp = LedgerWorkload.START;
            for (int warm = 0; warm < 50; warm++) {
                batch.timestampNanos(timestamp += 10_000);
                journal.append(batch, results);
            }
            int rounds = 20;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < rounds; i++) {
                batch.timestampNanos(timestamp += 10_000);
                journal.append(batch, results);
            }
            long perAppend = (threads.getCurrentThreadAllocatedBytes() - before) / rounds;
            // The header and its hashes: a few hundred bytes per batch, nothing per event (8190 events).
            assertThat(perAppend).isLessThan(2_048);
        }
    }
}
