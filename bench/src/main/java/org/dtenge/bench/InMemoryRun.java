package org.dtenge.bench;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Results;

/** The throughput run without sequencer or journal: this thread stamps each batch and applies it. */
final class InMemoryRun {
    private InMemoryRun() {}

    static RunResult run(Wallets wallets, List<EventBatch> batches, Ledger.Config config) {
        Ledger ledger = new Ledger(config, new BuiltInPolicies());
        BatchClock clock = BatchClock.wall();
        long loadStart = System.nanoTime();
        Genesis.applyTo(ledger, wallets, clock);
        long loadNanos = System.nanoTime() - loadStart;

        Results results = new Results();
        ResultTally tally = new ResultTally();
        Histogram latency = RunResult.latencyHistogram();
        ThreadAllocation thread = ThreadAllocation.current();
        long transfers = 0;
        long allocatedBefore = thread.bytes();
        long start = System.nanoTime();
        for (EventBatch batch : batches) {
            batch.timestampNanos(clock.next(ledger));
            long applyStart = System.nanoTime();
            ledger.apply(batch, results);
            latency.recordValue(System.nanoTime() - applyStart);
            tally.add(results);
            transfers += batch.count();
        }
        long elapsed = System.nanoTime() - start;
        long allocated = thread.bytes() - allocatedBefore;
        return new RunResult(ledger, Genesis.events(wallets), loadNanos, transfers, elapsed, latency,
                "Ledger.apply of one batch", List.of(new RunResult.ThreadBytes(thread.name(), allocated)), tally);
    }
}
