package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtenge.journal.FileJournalTest.Appended;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.journal.storage.StorageFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments written with direct I/O in whole blocks (the default of {@link FileStorage} where the file
 * system allows O_DIRECT): they end in a padding trailer, reopen and go on, and a torn append loses
 * only its own record while damage elsewhere still stops opening.
 */
class DirectLogTest {
    private static final String FIRST = "00000000000000000001.dtj";

    @TempDir
    Path directory;

    private int block;

    /** The block size direct appends use here; the tests are skipped where there are none (tmpfs before Linux 6.6). */
    @BeforeEach
    void probe() throws IOException {
        FileStorage storage = new FileStorage(directory.resolve("probe"));
        try (StorageFile file = storage.createLog("probe.dtj")) {
            file.write(0, ByteBuffer.wrap(new byte[] {1}));
        }
        block = (int) Files.size(directory.resolve("probe/probe.dtj"));
        assumeTrue(block > 1, "this file system takes no O_DIRECT, so logs go through the page cache");
    }

    @Test
    void segmentsAreWholeBlocksAndReopenAndGoOn() throws IOException {
        Path path = directory.resolve("journal");
        JournalOptions options = new JournalOptions(16 * 1024);
        LedgerWorkload workload = new LedgerWorkload(71);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(new FileStorage(path), options)) {
            appended = new ArrayList<>(FileJournalTest.append(journal, workload, 40, 30));
        }
        List<String> names = new FileStorage(path).list();
        assertThat(names).hasSizeGreaterThan(2);
        for (String name : names) {
            assertThat(Files.size(path.resolve(name)) % block).as(name).isZero();
        }
        try (FileJournal journal = FileJournal.open(new FileStorage(path), options)) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            FileJournalTest.assertHolds(journal, appended);
            appended.addAll(FileJournalTest.append(journal, workload, 10, 30));
        }
        try (FileJournal journal = FileJournal.open(new FileStorage(path), options)) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            FileJournalTest.assertHolds(journal, appended);
        }
    }

    @Test
    void aJournalGoesOnAcrossDirectAndPageCacheAppends() throws IOException {
        Path path = directory.resolve("journal");
        LedgerWorkload workload = new LedgerWorkload(78);
        List<Appended> appended;
        try (FileJournal journal = FileJournal.open(new FileStorage(path, false), JournalOptions.defaults())) {
            appended = new ArrayList<>(FileJournalTest.append(journal, workload, 7, 20));
        }
        assertThat(Files.size(path.resolve(FIRST)) % block).as("no padding yet").isNotZero();
        try (FileJournal journal = FileJournal.open(new FileStorage(path), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            appended.addAll(FileJournalTest.append(journal, workload, 5, 20));
        }
        assertThat(Files.size(path.resolve(FIRST)) % block).isZero();
        assertThat(Files.size(path.resolve(FIRST)) - recordsEnd(appended)).as("a trailer longer than the next batch")
                .isGreaterThan(record(1));
        try (FileJournal journal = FileJournal.open(new FileStorage(path, false), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).as("and back: a trailer is not a torn tail").isEmpty();
            FileJournalTest.assertHolds(journal, appended);
            appended.addAll(FileJournalTest.append(journal, workload, 1, 1));
        }
        for (boolean direct : new boolean[] {false, true}) {
            try (FileJournal journal = FileJournal.open(new FileStorage(path, direct), JournalOptions.defaults())) {
                assertThat(journal.openReport().tornTail()).isEmpty();
                FileJournalTest.assertHolds(journal, appended);
            }
        }
    }

    @Test
    void anAppendTornAfterItsFirstBlockLosesOnlyItsOwnRecord() throws IOException {
        LedgerWorkload workload = new LedgerWorkload(72);
        Crash crash = crash(workload, List.of(0, 3, 5, 2, 4), 100);
        assertThat(crash.before.length).as("the torn record runs past the block it starts in")
                .isLessThan(crash.after.length);
        assertCrashStates(crash, workload);
    }

    @Test
    void anAppendTornOverATrailerThatRanIntoTheNextBlockLosesOnlyItsOwnRecord() throws IOException {
        // Batches that end the log 4 bytes before a block's end, so that its trailer (8 bytes) spills over.
        LedgerWorkload dryRun = new LedgerWorkload(73);
        dryRun.next(0);
        List<Integer> sizes = new ArrayList<>(List.of(0, 3));
        long end = SegmentHeader.SIZE + record(dryRun.batch.count()) + record(3);
        int events = 1;
        while ((end + record(events)) % block != block - 4) {
            events++;
            assumeTrue(events <= 2 * block, "no batch size ends the log 4 bytes before a block's end");
        }
        sizes.add(events);
        LedgerWorkload workload = new LedgerWorkload(73);
        Crash crash = crash(workload, sizes, 10);
        assertThat(crash.before.length % block).isZero();
        assertThat(crash.recordsEnd % block).as("the log ends 4 bytes before a block's end").isEqualTo(block - 4);
        assertThat(crash.before.length).as("its trailer takes the whole next block").isEqualTo(crash.recordsEnd + 4 + block);
        assertCrashStates(crash, workload);
    }

    @Test
    void damageToTheLastRecordOrItsTrailerStillStopsOpening() throws IOException {
        LedgerWorkload workload = new LedgerWorkload(74);
        Crash crash = crash(workload, List.of(0, 3, 5), 7);
        long lastRecord = crash.recordsEnd;
        long trailer = lastRecord + record(7);
        // A bit of the last record, of the trailer's magic and length, and of its zeros.
        for (long at : new long[] {lastRecord + 10, lastRecord + BatchHeader.SIZE + 5, trailer, trailer + 5, trailer + 20,
            crash.after.length - 1}) {
            byte[] damaged = crash.after.clone();
            damaged[(int) at] ^= 0x10;
            Path copy = write(damaged, "damaged-" + at);
            assertThatThrownBy(() -> FileJournal.open(new FileStorage(copy), JournalOptions.defaults()).close())
                    .as("a bit flipped at %d", at).isInstanceOf(JournalCorruptException.class);
        }
    }

    @Test
    void batchesReadOnAnotherThreadWhileAppendsGoOnAreWhole() throws Exception {
        LedgerWorkload workload = new LedgerWorkload(75);
        List<Appended> appended = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FileJournal journal = FileJournal.open(new FileStorage(directory.resolve("journal")), new JournalOptions(64 * 1024))) {
            workload.next(0);
            appended.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
            java.util.concurrent.atomic.AtomicBoolean appending = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                java.util.Random random = new java.util.Random(76);
                org.dtenge.ledger.EventBatch batch = new org.dtenge.ledger.EventBatch();
                org.dtenge.ledger.Results results = new org.dtenge.ledger.Results();
                try {
                    while (appending.get()) {
                        Appended expected = appended.get(random.nextInt(appended.size()));
                        expected.assertSameAs(journal.read(expected.header().sequence(), batch, results), batch, results);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            java.util.Random sizes = new java.util.Random(77);
            for (int i = 0; i < 300; i++) {
                workload.next(1 + sizes.nextInt(i % 30 == 0 ? 400 : 20));
                appended.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
                if (i % 7 == 0) {
                    journal.sync();
                }
            }
            journal.sync();
            appending.set(false);
            reader.join();
            assertThat(failed.get()).isNull();
            assertThat(reads.get()).isPositive();
            FileJournalTest.assertHolds(journal, appended);
        }
    }

    /** The segment before and after the last append of {@code lastEvents} events to batches of {@code sizes}. */
    private Crash crash(LedgerWorkload workload, List<Integer> sizes, int lastEvents) throws IOException {
        Path path = directory.resolve("journal");
        List<Appended> appended = new ArrayList<>();
        try (FileJournal journal = FileJournal.open(new FileStorage(path), JournalOptions.defaults())) {
            for (int events : sizes) {
                workload.next(events);
                appended.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
            }
            journal.sync();
        }
        byte[] before = Files.readAllBytes(path.resolve(FIRST));
        List<Appended> all = new ArrayList<>(appended);
        try (FileJournal journal = FileJournal.open(new FileStorage(path), JournalOptions.defaults())) {
            workload.next(lastEvents);
            all.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
            journal.sync();
        }
        return new Crash(before, Files.readAllBytes(path.resolve(FIRST)), recordsEnd(appended), appended, all);
    }

    private record Crash(byte[] before, byte[] after, long recordsEnd, List<Appended> kept, List<Appended> all) {}

    /** Nothing of the append landed; only the block it starts in; all of it. */
    private void assertCrashStates(Crash crash, LedgerWorkload workload) throws IOException {
        try (FileJournal journal = FileJournal.open(new FileStorage(write(crash.before, "none")), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            FileJournalTest.assertHolds(journal, crash.kept);
        }
        int first = (int) (crash.recordsEnd - crash.recordsEnd % block);
        byte[] firstBlock = crash.before.clone();
        System.arraycopy(crash.after, first, firstBlock, first, block);
        Path torn = write(firstBlock, "first-block");
        List<Appended> more = new ArrayList<>(crash.kept);
        try (FileJournal journal = FileJournal.open(new FileStorage(torn), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isPresent();
            assertThat(journal.openReport().tornTail().orElseThrow().offset()).isEqualTo(crash.recordsEnd);
            FileJournalTest.assertHolds(journal, crash.kept);
            // and the log goes on from where the torn record was cut
            workload.next(2);
            more.add(Appended.of(journal.append(workload.batch, workload.results), workload.batch, workload.results));
            journal.sync();
        }
        try (FileJournal journal = FileJournal.open(new FileStorage(torn), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            FileJournalTest.assertHolds(journal, more);
        }
        try (FileJournal journal = FileJournal.open(new FileStorage(write(crash.after, "all")), JournalOptions.defaults())) {
            assertThat(journal.openReport().tornTail()).isEmpty();
            FileJournalTest.assertHolds(journal, crash.all);
        }
    }

    private Path write(byte[] segment, String name) throws IOException {
        Path copy = Files.createDirectories(directory.resolve(name));
        Files.write(copy.resolve(FIRST), segment);
        return copy;
    }

    /** Where the records of a one-segment journal of {@code appended} end. */
    private static long recordsEnd(List<Appended> appended) {
        long end = SegmentHeader.SIZE;
        for (Appended a : appended) {
            end += BatchHeader.SIZE + a.header().bodyLength();
        }
        return end;
    }

    private static long record(int events) {
        return BatchHeader.SIZE + BatchHeader.bodyLength(events);
    }
}
