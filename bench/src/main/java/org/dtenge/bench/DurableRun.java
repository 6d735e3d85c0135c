package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SequencerConfig;
import org.dtenge.sequencer.SnapshotSink;
import org.dtenge.sequencer.Submission;

/**
 * The throughput run through the production path: a {@link Sequencer} over a {@code FileJournal} in
 * {@code dir}, every batch fsynced before its submission completes. Genesis goes through the same path
 * (so that recovery later replays it too), then the measured transfers, one full batch per submission.
 */
final class DurableRun {
    private DurableRun() {}

    /** No snapshots: with {@link SnapshotSink#NONE} a capture would copy the account table for nothing. */
    static SequencerConfig sequencerConfig() {
        return new SequencerConfig(1_024, EventBatch.EVENTS_MAX, 0, 0);
    }

    static RunResult run(ThroughputOptions options, Wallets wallets, List<EventBatch> batches, Ledger.Config config,
                         Path dir) throws IOException, InterruptedException {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), config,
                JournalOptions.defaults());
        if (recovered.head().sequence() != 0) {
            recovered.close();
            throw new IllegalArgumentException(dir + " already holds a journal: give an empty directory");
        }
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, sequencerConfig());
        try {
            long loadStart = System.nanoTime();
            load(sequencer, wallets, options.window());
            long loadNanos = System.nanoTime() - loadStart;
            return measure(sequencer, recovered.ledger(), batches, options.window(), Genesis.events(wallets), loadNanos);
        } finally {
            sequencer.close();
            recovered.close();
        }
    }

    private static void load(Sequencer sequencer, Wallets wallets, int window) throws InterruptedException {
        Genesis genesis = new Genesis(wallets);
        SubmissionWindow inFlight = new SubmissionWindow(sequencer, window);
        List<Submission> submitted = new ArrayList<>();
        while (true) {
            EventBatch batch = new EventBatch();
            if (!genesis.fill(batch)) {
                break;
            }
            Submission submission = new Submission(batch);
            inFlight.submit(submission);
            submitted.add(submission);
        }
        inFlight.drain();
        for (Submission submission : submitted) {
            Genesis.requireAllOk(submission.results(), "genesis");
        }
    }

    static RunResult measure(Sequencer sequencer, Ledger ledger, List<EventBatch> batches, int window,
                                     long loadEvents, long loadNanos) throws InterruptedException {
        return measure(sequencer, ledger, batches, window, loadEvents, loadNanos, events -> { });
    }

    /** The same, telling {@code durable} the events of each submission as it becomes durable (on the journal's thread). */
    static RunResult measure(Sequencer sequencer, Ledger ledger, List<EventBatch> batches, int window,
                             long loadEvents, long loadNanos, java.util.function.IntConsumer durable)
            throws InterruptedException {
        int count = batches.size();
        Submission[] submissions = new Submission[count];
        for (int i = 0; i < count; i++) {
            submissions[i] = new Submission(batches.get(i));
        }
        long[] submittedAt = new long[count];
        long[] committedAt = new long[count];
        java.util.concurrent.CompletableFuture<?>[] recorded = new java.util.concurrent.CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            // Registered before submitting, so it runs on the journal thread the moment the batch is durable.
            int events = batches.get(i).count();
            recorded[i] = submissions[i].committed().thenRun(() -> {
                committedAt[index] = System.nanoTime();
                durable.accept(events);
            });
        }
        ThreadAllocation sequencerThread = ThreadAllocation.named("dtenge-sequencer");
        ThreadAllocation journalThread = ThreadAllocation.named("dtenge-journal");
        SubmissionWindow inFlight = new SubmissionWindow(sequencer, window);

        long sequencerBefore = sequencerThread.bytes();
        long journalBefore = journalThread.bytes();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.awaitRoom();
            submittedAt[i] = System.nanoTime();
            inFlight.submit(submissions[i]);
        }
        inFlight.drain();
        long elapsed = System.nanoTime() - start;
        // The drain saw every submission complete, but a completion's dependent action may still be running
        // on the journal thread: wait for the actions too, which also makes their writes visible here.
        java.util.concurrent.CompletableFuture.allOf(recorded).join();
        long sequencerAllocated = sequencerThread.bytes() - sequencerBefore;
        long journalAllocated = journalThread.bytes() - journalBefore;

        Histogram latency = RunResult.latencyHistogram();
        ResultTally tally = new ResultTally();
        long transfers = 0;
        for (int i = 0; i < count; i++) {
            latency.recordValue(committedAt[i] - submittedAt[i]);
            tally.add(submissions[i].results());
            transfers += submissions[i].count();
        }
        return new RunResult(ledger, loadEvents, loadNanos, transfers, elapsed, latency,
                "submit to committed (fsynced) of one " + EventBatch.EVENTS_MAX + "-event submission, "
                        + window + " in flight",
                List.of(new RunResult.ThreadBytes(sequencerThread.name(), sequencerAllocated),
                        new RunResult.ThreadBytes(journalThread.name(), journalAllocated)),
                tally);
    }
}
