package org.dtenge.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of the {@code throughput} command, parsed by hand ({@code --name value} or
 * {@code --name=value}) to keep the benchmark jar free of a CLI library.
 *
 * @param window submissions in flight at once: the producer waits for the oldest to commit before it
 *               submits another. Four keeps both sequencer slots busy with one batch queued behind
 *               each, without the queueing delay of an unbounded backlog in the latencies.
 */
record ThroughputOptions(int accounts, long transfers, TransferMix mix, Optional<Path> dir, boolean inMemory,
                         int window) {
    static final String USAGE = """
            throughput options:
              --accounts N         wallets to open and fund (default 1000000)
              --transfers N        transfer events to apply after funding (default 10000000)
              --zipf X             skew of payer and payee choice, 0 = uniform (default 1.0)
              --seed N             seed of everything generated (default 42)
              --linked-percent N   payments made as a linked payment + fee pair (default 5)
              --pending-percent N  payments made as a hold, posted or voided later (default 5)
              --failing-percent N  payments over the payer's limit or balance (default 1)
              --window N           submissions in flight (default 4)
              --dir PATH           journal directory, which must be empty or absent (default: a temp dir, deleted after)
              --in-memory          apply with Ledger.apply on this thread: no sequencer, no journal""";

    private static final java.util.Set<String> WITH_VALUE = java.util.Set.of("--accounts", "--transfers", "--zipf",
            "--seed", "--linked-percent", "--pending-percent", "--failing-percent", "--window", "--dir");

    static ThroughputOptions parse(String[] args) {
        int accounts = 1_000_000;
        long transfers = 10_000_000;
        double zipf = TransferMix.DEFAULT.zipfExponent();
        long seed = TransferMix.DEFAULT.seed();
        int linked = TransferMix.DEFAULT.linkedPercent();
        int pending = TransferMix.DEFAULT.pendingPercent();
        int failing = TransferMix.DEFAULT.failingPercent();
        int window = 4;
        Optional<Path> dir = Optional.empty();
        boolean inMemory = false;
        for (CommandArgs.Option option : CommandArgs.parse(args, WITH_VALUE, java.util.Set.of("--in-memory"), USAGE)) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--in-memory" -> inMemory = true;
                case "--accounts" -> accounts = Integer.parseInt(value);
                case "--transfers" -> transfers = Long.parseLong(value);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--linked-percent" -> linked = Integer.parseInt(value);
                case "--pending-percent" -> pending = Integer.parseInt(value);
                case "--failing-percent" -> failing = Integer.parseInt(value);
                case "--window" -> window = Integer.parseInt(value);
                case "--dir" -> dir = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (accounts < 2 || transfers < 1 || window < 1) {
            throw new IllegalArgumentException("need at least 2 accounts, 1 transfer and a window of 1\n" + USAGE);
        }
        return new ThroughputOptions(accounts, transfers, new TransferMix(zipf, linked, pending, failing, seed), dir,
                inMemory, window);
    }
}
