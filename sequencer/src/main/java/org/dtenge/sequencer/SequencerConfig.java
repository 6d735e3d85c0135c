package org.dtenge.sequencer;

import org.dtenge.ledger.EventBatch;

/**
 * @param queueCapacity       submissions waiting at most; beyond it {@link Sequencer#offer} says no
 * @param batchEventsMax      events per journal batch, at most {@value EventBatch#EVENTS_MAX}
 * @param lingerNanos         how long a batch that is not full waits for more submissions; 0 sends
 *                            it at once (batches still grow under load while the previous fsync runs)
 * @param snapshotEveryEvents take a snapshot after this many events since the last one; 0 never
 * @param batchIntervalNanos  a batch that is not full is sealed no sooner than this long after the one
 *                            before; 0 seals it as soon as the queue is empty. Under a steady load this
 *                            sets how many submissions share a journal write and an fsync; after a quiet
 *                            spell longer than this, a submission is sealed at once
 */
public record SequencerConfig(int queueCapacity, int batchEventsMax, long lingerNanos, long snapshotEveryEvents,
                              long batchIntervalNanos) {
    /** No batch interval: each batch is sealed as soon as the queue is empty (or after the linger). */
    public SequencerConfig(int queueCapacity, int batchEventsMax, long lingerNanos, long snapshotEveryEvents) {
        this(queueCapacity, batchEventsMax, lingerNanos, snapshotEveryEvents, 0);
    }

    public SequencerConfig {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        if (batchEventsMax < 1 || batchEventsMax > EventBatch.EVENTS_MAX) {
            throw new IllegalArgumentException("batch size must be 1.." + EventBatch.EVENTS_MAX);
        }
        if (lingerNanos < 0 || snapshotEveryEvents < 0 || batchIntervalNanos < 0) {
            throw new IllegalArgumentException("linger, snapshot interval and batch interval must not be negative");
        }
    }

    public static SequencerConfig defaults() {
        return new SequencerConfig(65_536, EventBatch.EVENTS_MAX, 0, 50_000_000);
    }
}
