package org.dtenge.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Results;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Ledger#apply} alone, in memory, on one thread: full batches of 8,190 transfers over funded
 * wallets, in the default {@link TransferMix} (single payments, linked pairs, holds with posts and
 * voids, payments that fail on limits or funds). The score is transfers per second.
 *
 * <p>Nothing is allocated while measuring, so {@code -prof gc} should show about 0 B/op: the batches
 * are generated in the trial's setup (see {@link BatchCycle}), and the ledger is created once, with its
 * transfer table sized for every transfer the trial can apply. The ledger keeps every transfer, so a
 * table that filled up would grow, and growing copies it: that would show up as allocation. If a run
 * applies more than {@code transfersCapacity} transfers (a faster machine, longer iterations), raise it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "--sun-misc-unsafe-memory-access=allow"})
public class ApplyBenchmark {
    /**
     * Simulated time per batch: 12 minutes, so a ledger day holds about a million transfers. The run lasts
     * dozens of simulated days, and daily limits reset as they would; were it one long day, ever more
     * wallets would reach their daily limit and the mix would drift towards cheap failures.
     */
    static final long BATCH_STEP_NANOS = 720_000_000_000L;

    @Param("100000")
    public int accounts;

    @Param("1.0")
    public double zipf;

    @Param("5")
    public int linkedPercent;

    @Param("5")
    public int pendingPercent;

    @Param("1")
    public int failingPercent;

    /** Distinct batches generated; the ring is reused with fresh ids after that. */
    @Param("64")
    public int batches;

    @Param("40000000")
    public int transfersCapacity;

    private Ledger ledger;
    private BatchCycle cycle;
    private BatchClock clock;
    private final Results results = new Results();
    private final ResultTally sample = new ResultTally();
    private long transfersAtStart;
    private long applied;
    private long invocations;

    @Setup(Level.Trial)
    public void setup() {
        Wallets wallets = new Wallets(accounts, 42);
        ledger = new Ledger(new Ledger.Config(accounts + 2, transfersCapacity, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS),
                new BuiltInPolicies());
        clock = BatchClock.simulated(Instant.parse("2026-01-05T04:00:00Z").toEpochMilli() * 1_000_000, BATCH_STEP_NANOS);
        Genesis.applyTo(ledger, wallets, clock);
        TransferStream stream = new TransferStream(wallets,
                new TransferMix(zipf, linkedPercent, pendingPercent, failingPercent, 7));
        cycle = new BatchCycle(stream, batches);
        transfersAtStart = ledger.transferCount();
    }

    @Benchmark
    @OperationsPerInvocation(EventBatch.EVENTS_MAX)
    public void apply() {
        EventBatch batch = cycle.next();
        batch.timestampNanos(clock.next(ledger));
        ledger.apply(batch, results);
        if ((invocations++ & 63) == 0) {
            sample.add(results); // one batch in 64, to show the mix at almost no cost
        }
        applied += batch.count();
    }

    @TearDown(Level.Trial)
    public void report() {
        long recorded = ledger.transferCount() - transfersAtStart;
        System.out.printf("%n%,d transfer events applied, %,d recorded (%.1f%%); table sized for %,d%s%n", applied,
                recorded, 100.0 * recorded / Math.max(1, applied), transfersCapacity,
                ledger.transferCount() > transfersCapacity ? ": IT GREW, raise transfersCapacity" : "");
        System.out.printf("results of one batch in 64: %s%n", sample.describe());
    }
}
