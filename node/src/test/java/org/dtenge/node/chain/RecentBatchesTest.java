package org.dtenge.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.Receipt;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SequencerConfig;
import org.dtenge.sequencer.SnapshotSink;
import org.dtenge.sequencer.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts cut from the in-memory rings must equal the journal's, and old batches must give none. */
class RecentBatchesTest {
    private static final Ledger.Config CONFIG = new Ledger.Config(64, 1024, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
    private static final int WALLETS = 20;

    @TempDir
    Path dir;

    @Test
    void receiptsFromMemoryEqualTheJournalsForSmallAndLargeBatchesAndOldOnesGoToTheJournal() throws Exception {
        Recovered recovered = open();
        // Room for 300 events and 16 batches: the rings wrap many times over the run.
        RecentBatches recent = new RecentBatches(300, 16, recovered.journal().durableHead().sequence());
        Sequencer sequencer = sequencer(recovered);
        submit(sequencer, recent, genesis()).committed().get(10, TimeUnit.SECONDS);
        Random random = new Random(20261204);
        long nextId = 1;
        int checked = 0;
        for (int round = 0; round < 60; round++) {
            List<Submission> round1 = new ArrayList<>();
            int submissions = 1 + random.nextInt(12);
            for (int s = 0; s < submissions; s++) {
                int transfers = random.nextInt(10) == 0 ? 70 + random.nextInt(100) : 1 + random.nextInt(3);
                EventBatch events = new EventBatch(transfers);
                for (int t = 0; t < transfers; t++) {
                    // Some fail (an unknown wallet), so that results other than OK are in the leaves too.
                    long wallet = random.nextInt(8) == 0 ? 999 : 2 + random.nextInt(WALLETS);
                    events.transfer(0, nextId++, 0, 1, 0, wallet, 1 + random.nextInt(1_000), 1, 0);
                }
                round1.add(submit(sequencer, recent, events));
            }
            for (Submission s : round1) {
                Submission done = s.committed().get(10, TimeUnit.SECONDS);
                for (int i = 0; i < done.count(); i++) {
                    long sequence = done.batch().sequence();
                    int index = done.firstIndex() + i;
                    Optional<Receipt> fromMemory = recent.receipt(sequence, index);
                    if (sequence == recovered.journal().durableHead().sequence()) {
                        assertThat(fromMemory).as("batch %d, the newest", sequence).isPresent();
                    }
                    if (fromMemory.isPresent()) {
                        assertSame(fromMemory.get(), recovered.journal().receipt(sequence, index, sequence));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        long head = recovered.journal().durableHead().sequence();
        assertThat(recent.receipt(head - 16, 0)).as("a batch its slot no longer holds").isEmpty();
        assertThat(recent.receipt(1, 0)).as("the first batch, long overwritten").isEmpty();
        assertThat(recent.receipt(head, -1)).isEmpty();
        assertThat(recent.receipt(head, 1_000_000)).isEmpty();
        assertThat(recent.receipt(head + 1, 0)).as("not written yet").isEmpty();
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void requestsForTheSameBatchesAtOnceAllGetTheJournalsReceipts() throws Exception {
        Recovered recovered = open();
        RecentBatches recent = new RecentBatches(4_000, 64, recovered.journal().durableHead().sequence());
        Sequencer sequencer = sequencer(recovered);
        submit(sequencer, recent, genesis()).committed().get(10, TimeUnit.SECONDS);
        List<Submission> all = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            EventBatch events = new EventBatch(1 + s % 40);
            for (int t = 0; t < events.capacity(); t++) {
                events.transfer(0, 1 + s * 100L + t, 0, 1, 0, 2 + t % WALLETS, 5, 1, 0);
            }
            all.add(submit(sequencer, recent, events));
        }
        for (Submission s : all) {
            s.committed().get(10, TimeUnit.SECONDS);
        }
        long head = recovered.journal().durableHead().sequence();
        List<java.util.concurrent.Future<Integer>> workers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    int served = 0;
                    for (long sequence = Math.max(2, head - 20); sequence <= head; sequence++) {
                        int count = recovered.journal().header(sequence).eventCount();
                        for (int i = 0; i < count; i++) {
                            Optional<Receipt> fromMemory = recent.receipt(sequence, i);
                            assertThat(fromMemory).isPresent();
                            assertSame(fromMemory.get(), recovered.journal().receipt(sequence, i, sequence));
                            served++;
                        }
                    }
                    return served;
                }));
            }
            for (var worker : workers) {
                assertThat(worker.get(30, TimeUnit.SECONDS)).isPositive();
            }
        }
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void batchesOfAnEarlierRunAreNeverServedFromMemory() throws Exception {
        Recovered recovered = open();
        RecentBatches recent = new RecentBatches(300, 16, 5);
        Sequencer sequencer = sequencer(recovered);
        Submission genesis = submit(sequencer, recent, genesis()).committed().get(10, TimeUnit.SECONDS);
        assertThat(genesis.batch().sequence()).isEqualTo(1);
        assertThat(recent.receipt(1, 0)).isEmpty();
        sequencer.close();
        recovered.journal().close();
    }

    private Recovered open() throws java.io.IOException {
        return Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
    }

    /** Batches of at most 200 events, no linger, no snapshots. */
    private static Sequencer sequencer(Recovered recovered) {
        return new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE, Sequencer::wallClockNanos,
                new SequencerConfig(4096, 200, 0, 0));
    }

    private static void assertSame(Receipt memory, Receipt journal) {
        assertThat(memory).isEqualTo(journal); // equal encodings: event, result, index, header, audit path
    }

    private static Submission submit(Sequencer sequencer, RecentBatches recent, EventBatch events)
            throws InterruptedException {
        Submission submission = new Submission(events, recent::add);
        sequencer.submit(submission);
        return submission;
    }

    private static EventBatch genesis() {
        EventBatch batch = new EventBatch(64);
        batch.createAsset(1, "KZT", 2, 0, 1);
        batch.createAccount(0, 1, 1, AccountKind.ISSUANCE, 0, new byte[32], 0, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, 0, 0);
        for (int id = 2; id < 2 + WALLETS; id++) {
            batch.createAccount(0, id, 1, AccountKind.RETAIL, 1, new byte[32], 1, Long.MAX_VALUE, Long.MAX_VALUE,
                    Long.MAX_VALUE, 0, 0);
        }
        return batch;
    }
}
