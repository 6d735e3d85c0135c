package org.dtenge.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one target did with the workload.
 *
 * @param transfers      transfers decided: committed, or refused by the target's rules (insufficient funds);
 *                       the throughput counts these, since a refusal is an answer too
 * @param committed      of which committed (durable)
 * @param errors         requests that got no decision (transport failures, other answers); 0 in a good run
 * @param latencyNanos   one value per {@code latencyUnit}
 * @param latencyUnit    what one latency sample is, from when to when
 * @param details        target-specific facts for the JSON file (client counts, statuses, settings)
 */
record TargetResult(String name, String description, long transfers, long committed, long errors, long elapsedNanos,
                    Histogram latencyNanos, String latencyUnit, ProcessMemory.Use memory, Map<String, Object> details) {

    double throughput() {
        return elapsedNanos == 0 ? 0 : transfers * 1e9 / elapsedNanos;
    }

    long refused() {
        return transfers - committed;
    }
}
