package org.dtenge.bench;

import org.dtenge.ledger.Ledger;
import org.dtenge.sequencer.Sequencer;

/**
 * Timestamps for batches applied without a sequencer, by the sequencer's rule: never earlier than just
 * after the ledger's last event. The wall clock is what production uses; the simulated one lets a JMH
 * run see days go by, so that daily limits reset as they would over a long real run.
 */
interface BatchClock {
    long next(Ledger ledger);

    static BatchClock wall() {
        return ledger -> Math.max(Sequencer.wallClockNanos(), ledger.lastTimestampNanos() + 1);
    }

    /** Starts at {@code startNanos} and moves {@code stepNanos} per batch. */
    static BatchClock simulated(long startNanos, long stepNanos) {
        long[] now = {startNanos - stepNanos};
        return ledger -> {
            now[0] = Math.max(now[0] + stepNanos, ledger.lastTimestampNanos() + 1);
            return now[0];
        };
    }
}
