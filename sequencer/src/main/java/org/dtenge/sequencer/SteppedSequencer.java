package org.dtenge.sequencer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.Ledger;

/**
 * The sequencer's steps without its threads: each {@link #step()} forms one batch from what waits,
 * applies it, appends and fsyncs it, acknowledges it and, when due, writes a snapshot, all on the
 * caller's thread. The deterministic simulator drives this, so that a seed replays a run exactly; it
 * runs the same {@link BatchSlot} code as {@link Sequencer}.
 */
public final class SteppedSequencer {
    private final Ledger ledger;
    private final Journal journal;
    private final SnapshotSink snapshots;
    private final LongSupplier clockNanos;
    private final SequencerConfig config;
    private final ArrayDeque<Submission> waiting = new ArrayDeque<>();
    private final BatchSlot slot;
    private long eventsSinceSnapshot;
    private boolean failed;

    public SteppedSequencer(Ledger ledger, Journal journal, SnapshotSink snapshots, LongSupplier clockNanos,
                            SequencerConfig config) {
        this.ledger = ledger;
        this.journal = journal;
        this.snapshots = snapshots;
        this.clockNanos = clockNanos;
        this.config = config;
        this.slot = new BatchSlot(config.batchEventsMax());
    }

    public void submit(Submission submission) {
        if (failed) {
            throw new SequencerStoppedException("the journal failed; restart to recover", null);
        }
        if (submission.count() > config.batchEventsMax()) {
            throw new IllegalArgumentException("a submission holds at most " + config.batchEventsMax() + " events");
        }
        waiting.add(submission);
    }

    public int waiting() {
        return waiting.size();
    }

    /**
     * Runs one batch through. Returns false when nothing was waiting. When the journal or the snapshot
     * fails, the batch's submissions fail, the exception propagates and this sequencer accepts nothing
     * more (the simulator then restarts from the disk, as a real node would).
     */
    public boolean step() throws IOException {
        if (waiting.isEmpty() || failed) {
            return false;
        }
        slot.clear();
        while (!waiting.isEmpty() && slot.fits(waiting.peek())) {
            slot.add(waiting.poll());
        }
        eventsSinceSnapshot += slot.eventCount();
        boolean snapshot = snapshots != SnapshotSink.NONE && config.snapshotEveryEvents() > 0
                && eventsSinceSnapshot >= config.snapshotEveryEvents();
        if (snapshot) {
            eventsSinceSnapshot = 0;
        }
        slot.seal(ledger, clockNanos, snapshot);
        try {
            slot.persist(journal);
        } catch (IOException | RuntimeException e) {
            failed = true;
            slot.fail(new SequencerStoppedException("the journal failed; restart to recover", e));
            throw e;
        }
        slot.acknowledge();
        if (slot.image().isPresent()) {
            try {
                snapshots.write(slot.image().get(), slot.header());
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
        return true;
    }
}
