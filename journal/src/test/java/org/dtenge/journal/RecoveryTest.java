package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.snapshot.SnapshotHeader;
import org.dtenge.journal.snapshot.Snapshots;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot + replay gives the same ledger as replay from genesis, and damage never goes unnoticed. */
class RecoveryTest {
    private static final Ledger.Config GENESIS = new Ledger.Config(1024, 1024, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
    private static final int BATCHES = 40;

    @TempDir
    Path directory;

    /** Runs {@code batches} batches of a seeded workload into a journal, snapshotting after the given ones. */
    private static LedgerWorkload run(FileStorage storage, long seed, int batches, Set<Integer> snapshotAfter)
            throws IOException {
        LedgerWorkload workload = new LedgerWorkload(seed);
        Snapshots snapshots = new Snapshots(storage);
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            for (int i = 1; i <= batches; i++) {
                workload.next(1 + (i * 37) % 200);
                BatchHeader header = journal.append(workload.batch, workload.results);
                journal.sync();
                if (snapshotAfter.contains(i)) {
                    snapshots.write(workload.ledger.capture(), header);
                }
            }
        }
        return workload;
    }

    private static Recovered recover(FileStorage storage) throws IOException {
        return Recovery.open(storage, new BuiltInPolicies(), GENESIS, JournalOptions.defaults());
    }

    @Test
    void snapshotAndReplayGiveTheSameLedgerAsReplayFromGenesis() throws IOException {
        FileStorage storage = new FileStorage(directory.resolve("journal"));
        LedgerWorkload workload = run(storage, 51, BATCHES, Set.of(10, 25));
        assertThat(new Snapshots(storage).sequences()).containsExactly(25L, 10L);
        byte[] expected = workload.ledger.stateDigest();
        try (Recovered recovered = recover(storage)) {
            assertThat(recovered.report().snapshot().map(SnapshotHeader::sequence)).contains(25L);
            assertThat(recovered.report().batchesReplayed()).isEqualTo(BATCHES - 25);
            assertThat(recovered.report().snapshotsSkipped()).isEmpty();
            assertThat(recovered.report().tornTail()).isEmpty();
            assertThat(recovered.head().sequence()).isEqualTo(BATCHES);
            assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
            assertThat(recovered.ledger().batchCount()).isEqualTo(BATCHES);
            // The recovered ledger and journal carry on where the old ones stopped.
            workload.next(50);
            Results results = new Results();
            recovered.ledger().apply(workload.batch, results);
            for (int i = 0; i < results.count(); i++) {
                assertThat(results.packed(i)).isEqualTo(workload.results.packed(i));
            }
            assertThat(recovered.journal().append(workload.batch, results).sequence()).isEqualTo(BATCHES + 1);
        }
        FileStorage fromGenesis = new FileStorage(directory.resolve("no-snapshots"));
        run(fromGenesis, 51, BATCHES, Set.of());
        try (Recovered recovered = recover(fromGenesis)) {
            assertThat(recovered.report().snapshot()).isEmpty();
            assertThat(recovered.report().batchesReplayed()).isEqualTo(BATCHES);
            assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
        }
    }

    @Test
    void onlyTheNewestTwoSnapshotsAreKept() throws IOException {
        FileStorage storage = new FileStorage(directory);
        storage.create(Snapshots.name(3) + ".tmp").close(); // as a crash in the middle of a write leaves it
        run(storage, 52, 30, Set.of(5, 10, 20, 30));
        assertThat(storage.list()).filteredOn(name -> name.startsWith("snapshot-"))
                .containsExactly(Snapshots.name(20), Snapshots.name(30));
        assertThat(Snapshots.name(20)).isEqualTo("snapshot-00000000000000000020.dts");
        try (Recovered recovered = recover(storage)) {
            assertThat(recovered.report().snapshot().map(SnapshotHeader::sequence)).contains(30L);
            assertThat(recovered.report().batchesReplayed()).isZero();
        }
    }

    @Test
    void aDamagedNewestSnapshotIsReportedAndTheOlderOneUsed() throws IOException {
        Path path = directory.resolve("journal");
        FileStorage storage = new FileStorage(path);
        byte[] expected = run(storage, 53, BATCHES, Set.of(10, 25)).ledger.stateDigest();
        Path newest = path.resolve(Snapshots.name(25));
        byte[] whole = JournalFiles.read(newest);
        for (int at : new int[] {3, 30, 101, SnapshotHeader.SIZE, SnapshotHeader.SIZE + 5000, whole.length - 1}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x20;
            JournalFiles.write(newest, damaged);
            try (Recovered recovered = recover(storage)) {
                assertThat(recovered.report().snapshot().map(SnapshotHeader::sequence)).as("byte %d", at).contains(10L);
                assertThat(recovered.report().snapshotsSkipped()).singleElement().asString()
                        .startsWith(storage.describe(Snapshots.name(25)) + ": ");
                assertThat(recovered.report().batchesReplayed()).isEqualTo(BATCHES - 10);
                assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
            }
        }
        JournalFiles.write(newest, Arrays.copyOf(whole, whole.length - 1));
        try (Recovered recovered = recover(storage)) {
            assertThat(recovered.report().snapshotsSkipped()).singleElement().asString().contains("bytes");
            assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
        }
        Path older = path.resolve(Snapshots.name(10));
        byte[] olderBytes = JournalFiles.read(older);
        olderBytes[SnapshotHeader.SIZE + 1] ^= 1;
        JournalFiles.write(older, olderBytes);
        try (Recovered recovered = recover(storage)) {
            assertThat(recovered.report().snapshot()).isEmpty();
            assertThat(recovered.report().snapshotsSkipped()).hasSize(2);
            assertThat(recovered.report().batchesReplayed()).isEqualTo(BATCHES);
            assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
        }
    }

    @Test
    void aSnapshotOfAnotherHistoryStopsRecovery() throws IOException {
        Path ours = directory.resolve("ours");
        Path theirs = directory.resolve("theirs");
        run(new FileStorage(ours), 54, 20, Set.of());
        run(new FileStorage(theirs), 55, 20, Set.of(12));
        java.nio.file.Files.copy(theirs.resolve(Snapshots.name(12)), ours.resolve(Snapshots.name(12)));
        FileStorage storage = new FileStorage(ours);
        assertThatThrownBy(() -> recover(storage)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining(storage.describe(Snapshots.name(12)))
                .hasMessageContaining("they record different histories");
    }

    @Test
    void aSnapshotAheadOfTheJournalStopsRecovery() throws IOException {
        Path full = directory.resolve("full");
        Path shorter = directory.resolve("shorter");
        run(new FileStorage(full), 56, 30, Set.of(30));
        run(new FileStorage(shorter), 56, 20, Set.of());
        java.nio.file.Files.copy(full.resolve(Snapshots.name(30)), shorter.resolve(Snapshots.name(30)));
        assertThatThrownBy(() -> recover(new FileStorage(shorter))).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("the snapshot is of batch 30 but the journal ends at batch 20");
    }

    @Test
    void storedResultsThatReplayDoesNotReproduceStopRecovery() throws IOException {
        FileStorage storage = new FileStorage(directory);
        LedgerWorkload workload = new LedgerWorkload(57);
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            for (int i = 1; i <= 6; i++) {
                workload.next(30);
                if (i == 4) {
                    // As if the ledger that wrote the journal had decided event 7 differently.
                    int packed = workload.results.packed(7);
                    workload.results.setPacked(7, packed == Result.OK.ordinal() ? Result.INSUFFICIENT_FUNDS.ordinal()
                            : Result.OK.ordinal());
                }
                journal.append(workload.batch, workload.results);
            }
            journal.sync();
        }
        assertThatThrownBy(() -> recover(storage)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("replay diverged at batch 4 event 7: the ledger now gives ")
                .hasMessageContaining("not deterministic");
    }

    @Test
    void aTornTailIsCutAndReportedThroughRecovery() throws IOException {
        Path path = directory.resolve("journal");
        FileStorage storage = new FileStorage(path, false); // page-cache logs: the file is cut byte by byte
        run(storage, 58, 12, Set.of(5));
        Path segment = path.resolve("00000000000000000001.dtj");
        byte[] whole = JournalFiles.read(segment);
        JournalFiles.write(segment, Arrays.copyOf(whole, whole.length - 7));
        byte[] expected = run(new FileStorage(directory.resolve("reference")), 58, 11, Set.of()).ledger.stateDigest();
        try (Recovered recovered = recover(storage)) {
            assertThat(recovered.report().tornTail()).isPresent();
            assertThat(recovered.head().sequence()).isEqualTo(11);
            assertThat(recovered.report().batchesReplayed()).isEqualTo(6);
            assertThat(recovered.ledger().stateDigest()).isEqualTo(expected);
        }
    }

    @Test
    void snapshotsRefuseAnImageOfAnotherBatch() throws IOException {
        FileStorage storage = new FileStorage(directory);
        LedgerWorkload workload = new LedgerWorkload(59);
        try (FileJournal journal = FileJournal.open(storage, JournalOptions.defaults())) {
            workload.next(0);
            BatchHeader first = journal.append(workload.batch, workload.results);
            workload.next(10);
            journal.append(workload.batch, workload.results);
            assertThatThrownBy(() -> new Snapshots(storage).write(workload.ledger.capture(), first))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(storage.list()).noneMatch(name -> name.startsWith("snapshot-"));
    }
}
