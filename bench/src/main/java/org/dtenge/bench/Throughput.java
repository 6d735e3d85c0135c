package org.dtenge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;

/**
 * The {@code throughput} command: opens and funds the wallets, applies the transfers (generated
 * beforehand, so generation is timed apart), and prints the rate, the latency percentiles, allocation
 * per transfer on the hot-path threads, memory per account and, for the durable path, the recovery rate.
 */
final class Throughput {
    private Throughput() {}

    static void run(ThroughputOptions options) throws IOException, InterruptedException {
        if (options.accounts() + options.transfers() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the ledger's tables hold at most 2^31 - 1 transfers, funding included");
        }
        Ledger.Config config = new Ledger.Config(options.accounts() + 2, options.accounts() + (int) options.transfers(),
                Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
        printMachine(options);

        Wallets wallets = new Wallets(options.accounts(), options.mix().seed());
        TransferStream stream = new TransferStream(wallets, options.mix());
        long generateStart = System.nanoTime();
        List<EventBatch> batches = generate(stream, options.transfers());
        long generateNanos = System.nanoTime() - generateStart;
        System.out.printf("generated       %s%n                in %.2f s (%s events/s, on one thread, not measured below)%n",
                stream.describe(), seconds(generateNanos), rate(options.transfers(), generateNanos));

        if (options.inMemory()) {
            RunResult result = InMemoryRun.run(wallets, batches, config);
            batches = null; // let the heap figures below count the ledger, not the generated batches
            report(result);
            printMemory(result.ledger());
            return;
        }
        Path dir = options.dir().isPresent() ? options.dir().get() : Directories.scratch("");
        try {
            RunResult result = DurableRun.run(options, wallets, batches, config, dir);
            batches = null;
            report(result);
            printMemory(result.ledger());
            System.out.printf("journal         %,d bytes in %s%n", Directories.bytes(dir), dir);
            RecoveryTiming recovery = RecoveryTiming.measure(dir, config, result.ledger());
            long events = result.loadEvents() + result.transfers();
            System.out.printf("recovery        %,d events in %,d batches: open (read, check CRCs and hash chain) %.2f s,"
                            + " open + replay (Merkle roots, apply, compare results) %.2f s%n", events,
                    recovery.batches(), seconds(recovery.scanNanos()), seconds(recovery.recoverNanos()));
            System.out.printf("recovery rate   %s events/s replayed (whole recovery; page cache warm)%n",
                    rate(events, recovery.recoverNanos()));
        } finally {
            if (options.dir().isEmpty()) {
                Directories.delete(dir);
            }
        }
    }

    private static List<EventBatch> generate(TransferStream stream, long transfers) {
        List<EventBatch> batches = new ArrayList<>();
        long left = transfers;
        while (left > 0) {
            EventBatch batch = new EventBatch();
            left -= stream.fill(batch, left, false);
            batches.add(batch);
        }
        return batches;
    }

    private static void report(RunResult result) {
        System.out.printf("load            %,d genesis events (accounts opened, then funded) in %.2f s: %s events/s%n",
                result.loadEvents(), seconds(result.loadNanos()), rate(result.loadEvents(), result.loadNanos()));
        System.out.printf("transfers       %,d in %.2f s%n", result.transfers(), seconds(result.elapsedNanos()));
        System.out.printf("THROUGHPUT      %s transfers/s%n", rate(result.transfers(), result.elapsedNanos()));
        System.out.printf("results         %s%n", result.tally().describe());
        Histogram h = result.latencyNanos();
        System.out.printf("latency         %s, %,d samples:%n                p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                result.latencyMeaning(), h.getTotalCount(), millis(h.getValueAtPercentile(50)),
                millis(h.getValueAtPercentile(90)), millis(h.getValueAtPercentile(99)),
                millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()));
        for (RunResult.ThreadBytes thread : result.allocation()) {
            System.out.printf("allocated       %-17s %,d bytes = %.3f bytes/transfer%n", thread.thread(), thread.bytes(),
                    (double) thread.bytes() / result.transfers());
        }
    }

    private static void printMemory(Ledger ledger) {
        long heap = heapUsedAfterGc();
        System.out.printf("account table   %,d bytes for %,d accounts = %.1f bytes/account (index included)%n",
                ledger.accountTableBytes(), ledger.accountCount(),
                (double) ledger.accountTableBytes() / ledger.accountCount());
        System.out.printf("heap used       %,d MiB after GC (ledger with %,d accounts and %,d transfers)%n",
                heap >> 20, ledger.accountCount(), ledger.transferCount());
    }

    static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void printMachine(ThroughputOptions options) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("machine         %d processors, max heap %,d MiB, Java %s (%s)%n", runtime.availableProcessors(),
                runtime.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.printf("options         %,d accounts, %,d transfers, %s, window %d, %s%n", options.accounts(),
                options.transfers(), options.mix(), options.window(),
                options.inMemory() ? "in memory" : "durable (sequencer + FileJournal, fsync per batch)");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String rate(long events, long nanos) {
        return String.format("%,.0f", events * 1e9 / nanos);
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
