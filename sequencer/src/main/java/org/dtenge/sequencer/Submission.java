package org.dtenge.sequencer;

import java.util.concurrent.CompletableFuture;
import org.dtenge.journal.BatchHeader;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * One caller's events on their way through the sequencer: a bank's batch of transfers or a single
 * payment. Its events are applied together, in order, inside one journal batch; {@link #committed()}
 * completes only after that batch is durable, with the results filled in.
 *
 * <p>The caller allocates the submission (off the hot path); the sequencer copies its events into
 * the batch it is forming and its results back out, allocating nothing itself.
 */
public final class Submission {
    private final EventBatch events;
    private final Results results;
    private final CompletableFuture<Submission> committed = new CompletableFuture<>();
    private BatchHeader batch;
    private int firstIndex;

    /** Takes ownership of {@code events}: the caller must not change them afterwards. */
    public Submission(EventBatch events) {
        if (events.count() == 0) {
            throw new IllegalArgumentException("a submission needs at least one event");
        }
        this.events = events;
        this.results = new Results(events.count());
    }

    public EventBatch events() {
        return events;
    }

    public int count() {
        return events.count();
    }

    /** Completes when the events are durable in the journal; fails if the sequencer stopped first. */
    public CompletableFuture<Submission> committed() {
        return committed;
    }

    /** One result per event, in order; valid once {@link #committed()} is complete. */
    public Results results() {
        return results;
    }

    /** The journal batch that holds these events. */
    public BatchHeader batch() {
        return batch;
    }

    /** Where the first of these events sits in its journal batch. */
    public int firstIndex() {
        return firstIndex;
    }

    /** The ledger timestamp of event {@code i}: unique, and how receipts find the event again. */
    public long eventTimestampNanos(int i) {
        return batch.timestampNanos() + firstIndex + i;
    }

    void placed(int index) {
        firstIndex = index;
    }

    void complete(BatchHeader header, Results batchResults) {
        batch = header;
        results.reset(count());
        for (int i = 0; i < count(); i++) {
            results.setPacked(i, batchResults.packed(firstIndex + i));
        }
        committed.complete(this);
    }

    void fail(Throwable cause) {
        committed.completeExceptionally(cause);
    }
}
