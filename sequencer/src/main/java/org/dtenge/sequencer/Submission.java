package org.dtenge.sequencer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
    private final Consumer<Submission> onDurable;
    private BatchHeader batch;
    private int firstIndex;

    /** Takes ownership of {@code events}: the caller must not change them afterwards. */
    public Submission(EventBatch events) {
        this(events, done -> {});
    }

    /**
     * As above, with {@code onDurable} run once the events are durable, on the sequencer's thread that
     * acknowledges, in journal order, and for every submission of a journal batch before the
     * {@link #committed()} future of any of them completes (so a caller that learns of its result finds
     * the whole of its batch already fed). For feeds that must see every committed submission in order
     * (projections, receipts); it must be quick and must not block. A callback on {@link #committed()}
     * gives no such guarantee: a thread waiting on the future may run it, on its own thread and out of
     * order.
     */
    public Submission(EventBatch events, Consumer<Submission> onDurable) {
        if (events.count() == 0) {
            throw new IllegalArgumentException("a submission needs at least one event");
        }
        this.events = events;
        this.results = new Results(events.count());
        this.onDurable = onDurable;
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

    /**
     * The first step of the acknowledgement: the results are filled in and the feed has seen them. The
     * future is completed by {@link #release()}, once every submission of the batch has been through
     * this step.
     */
    void durable(BatchHeader header, Results batchResults) {
        batch = header;
        results.reset(count());
        for (int i = 0; i < count(); i++) {
            results.setPacked(i, batchResults.packed(firstIndex + i));
        }
        try {
            onDurable.accept(this);
        } catch (RuntimeException e) {
            // The events are durable whatever a feed does; a broken feed must not stop acknowledgements.
            System.err.println("dtenge: a commit feed failed for batch " + header.sequence() + ": " + e);
        }
    }

    /** The second step: the caller learns of the result. */
    void release() {
        committed.complete(this);
    }

    void fail(Throwable cause) {
        committed.completeExceptionally(cause);
    }
}
