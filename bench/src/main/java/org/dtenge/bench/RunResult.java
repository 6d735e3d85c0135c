package org.dtenge.bench;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.dtenge.ledger.Ledger;

/**
 * What one throughput run measured.
 *
 * @param loadEvents     genesis events (accounts opened and funded) applied before measuring
 * @param transfers      transfer events applied in the measured phase
 * @param latencyNanos   one value per batch or submission; {@code latencyMeaning} says from when to when
 * @param allocation     bytes allocated during the measured phase by each thread on the hot path
 */
record RunResult(Ledger ledger, long loadEvents, long loadNanos, long transfers, long elapsedNanos,
                 Histogram latencyNanos, String latencyMeaning, List<ThreadBytes> allocation, ResultTally tally) {

    record ThreadBytes(String thread, long bytes) {}

    /** A histogram for latencies from 1 microsecond to 1 hour at 3 significant digits. */
    static Histogram latencyHistogram() {
        return new Histogram(1_000L, 3_600_000_000_000L, 3);
    }
}
