package org.dtenge.bench;

import java.lang.management.ManagementFactory;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Results;

/**
 * The {@code memory} command: opens N wallets (default 10 million) in an in-memory ledger and reports
 * the heap they take after a full GC, per account. Run with {@code -Xmx4g} to show that 10 million
 * accounts fit in a 4 GiB heap.
 *
 * <p>By default the ledger is sized for N accounts, as a deployment would configure it; with
 * {@code --unsized} it starts small and grows, which costs up to half again as much (the table grows by
 * 1.5x) and shows what a misconfigured node pays.
 */
final class MemoryFootprint {
    private MemoryFootprint() {}

    static void run(String[] args) {
        int accounts = 10_000_000;
        boolean unsized = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--unsized" -> unsized = true;
                default -> throw new IllegalArgumentException("memory options: [--accounts N] [--unsized], not " + args[i]);
            }
        }
        Wallets wallets = new Wallets(accounts, 42);
        long before = Throughput.heapUsedAfterGc();
        Ledger ledger = new Ledger(new Ledger.Config(unsized ? 1024 : accounts + 2, 1024,
                Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), new BuiltInPolicies());
        long start = System.nanoTime();
        open(ledger, wallets);
        long nanos = System.nanoTime() - start;
        long after = Throughput.heapUsedAfterGc();
        long used = after - before;
        System.out.printf("machine         max heap %,d MiB, Java %s%n", Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        System.out.printf("opened          %,d accounts (%s) in %.2f s: %s accounts/s%n", ledger.accountCount(),
                unsized ? "ledger grown from 1,024" : "ledger sized for them", Throughput.seconds(nanos),
                Throughput.rate(ledger.accountCount(), nanos));
        System.out.printf("heap per acct   %.1f bytes (%,d MiB for the ledger after full GC; the ledger's own estimate"
                        + " of its account table: %.1f bytes/account)%n", (double) used / ledger.accountCount(), used >> 20,
                (double) ledger.accountTableBytes() / ledger.accountCount());
        System.out.printf("heap committed  %,d MiB, used %,d MiB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20, after >> 20);
    }

    /** Genesis without the funding: asset, issuer, fee collector and the wallets. */
    private static void open(Ledger ledger, Wallets wallets) {
        EventBatch batch = new EventBatch();
        Results results = new Results();
        BatchClock clock = BatchClock.wall();
        wallets.genesis(batch);
        int next = 0;
        do {
            next = wallets.open(next, batch);
            batch.timestampNanos(clock.next(ledger));
            ledger.apply(batch, results);
            Genesis.requireAllOk(results, "account opening");
            batch.clear();
        } while (next < wallets.count());
    }
}
