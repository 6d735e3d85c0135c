package org.dtenge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dtenge.node.money.Tenge;

/**
 * The options of the {@code compare} command ({@code dtenge bench}), parsed like {@link ThroughputOptions}.
 *
 * @param targets       internal target names, in the order they run
 * @param sweep         PostgreSQL client counts to try; the best is measured again for {@code duration}
 */
record CompareOptions(int accounts, int transfers, long fundingTiyn, TransferMix mix, List<String> targets,
                      int durationSeconds, List<Integer> sweep, int sweepSeconds, Optional<String> postgresUrl,
                      int clients, int batchClients, int batchItems, int warmupSeconds, int window, Optional<Path> out,
                      Path scratch) {
    /** Command-line names of the targets and the names they report under, in running order. */
    static final Map<String, String> TARGETS = targetNames();

    static final String USAGE = """
            dtenge bench: one seeded workload against dtenge and PostgreSQL, side by side
            workload (the same seed gives the same transfers for every target):
              --accounts N          accounts, drawn as payer and payee (default 10000; plus a fee collector)
              --transfers N         transfers in the workload (default 1000000); each target runs them from the
                                    start until they are done or --duration is up
              --zipf X              skew of payer and payee choice, 0 = uniform (default 1.0)
              --linked-percent N    payments made as a linked pair, payment + 1% fee, all or nothing (default 5)
              --failing-percent N   payments for more than the supply: must fail, insufficient funds (default 1)
              --funding TENGE       each account's starting balance (default 50000.00)
              --seed N              seed of the workload (default 42)
            targets and size:
              --targets LIST        of ledger,http-batch,http-payments,http-reserve-batch,http-reserve-binary,postgres,
                                    or all (default all)
              --duration S          seconds each target may run (default 10; at most 40 for the HTTP targets)
              --sweep LIST          PostgreSQL client counts to try (default 1,2,4,8,16,32,64)
              --sweep-duration S    seconds per client count of the sweep (default 5)
              --postgres-url URL    a JDBC URL of a server to use (default: start a private cluster from the
                                    local PostgreSQL binaries, in --scratch, for the run)
              --clients N           HTTP payments: concurrent clients (default 64)
              --batch-clients N     HTTP batches: concurrent clients (default 2)
              --batch-items N       HTTP batches: transfers per request, at most 8190 (default 8190)
              --warmup S            HTTP: seconds of unmeasured payments first (default 5)
              --window N            ledger: submissions in flight (default 4)
            output:
              --out DIR             where results.json and the PNG plots go (default bench/results/<time>-compare
                                    when run from the repository, else ./dtenge-bench-<time>)
              --scratch DIR         where journals, the node's data and the PostgreSQL cluster live during the
                                    run (default the system temp directory)""";

    private static final Set<String> WITH_VALUE = Set.of("--accounts", "--transfers", "--zipf", "--linked-percent",
            "--failing-percent", "--funding", "--seed", "--targets", "--duration", "--sweep", "--sweep-duration",
            "--postgres-url", "--clients", "--batch-clients", "--batch-items", "--warmup", "--window", "--out", "--scratch");

    private static Map<String, String> targetNames() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("ledger", LedgerTarget.NAME);
        targets.put("http-batch", HttpTargets.BATCH);
        targets.put("http-payments", HttpTargets.PAYMENTS);
        targets.put("http-reserve-batch", HttpTargets.RESERVE_BATCH);
        targets.put("http-reserve-binary", HttpTargets.RESERVE_BINARY);
        targets.put("postgres", PostgresTarget.NAME);
        return targets;
    }

    static CompareOptions parse(String[] args) {
        int accounts = 10_000;
        int transfers = 1_000_000;
        long funding = 50_000_00;
        double zipf = 1.0;
        int linked = 5;
        int failing = 1;
        long seed = 42;
        List<String> targets = List.copyOf(TARGETS.values());
        int duration = 10;
        List<Integer> sweep = List.of(1, 2, 4, 8, 16, 32, 64);
        int sweepSeconds = 5;
        Optional<String> url = Optional.empty();
        int clients = 64;
        int batchClients = 2;
        int batchItems = HttpOptions.BATCH_ITEMS_MAX;
        int warmup = 5;
        int window = 4;
        Optional<Path> out = Optional.empty();
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        for (CommandArgs.Option option : CommandArgs.parse(args, WITH_VALUE, Set.of(), USAGE)) {
            String value = option.value();
            switch (option.name()) {
                case "--accounts" -> accounts = number(option);
                case "--transfers" -> transfers = number(option);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--linked-percent" -> linked = number(option);
                case "--failing-percent" -> failing = number(option);
                case "--funding" -> funding = tiyn(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--targets" -> targets = targetList(value);
                case "--duration" -> duration = number(option);
                case "--sweep" -> sweep = Arrays.stream(value.split(",")).map(s -> Integer.parseInt(s.trim())).toList();
                case "--sweep-duration" -> sweepSeconds = number(option);
                case "--postgres-url" -> url = Optional.of(value);
                case "--clients" -> clients = number(option);
                case "--batch-clients" -> batchClients = number(option);
                case "--batch-items" -> batchItems = number(option);
                case "--warmup" -> warmup = number(option);
                case "--window" -> window = number(option);
                case "--out" -> out = Optional.of(Path.of(value));
                case "--scratch" -> scratch = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option.name() + "\n" + USAGE);
            }
        }
        if (accounts < 2 || transfers < 1 || duration < 1 || sweepSeconds < 1 || clients < 1 || batchClients < 1
                || window < 1 || warmup < 0 || sweep.isEmpty() || sweep.stream().anyMatch(c -> c < 1 || c > 190)
                || batchItems < 1 || batchItems > HttpOptions.BATCH_ITEMS_MAX) {
            throw new IllegalArgumentException("need at least 2 accounts, 1 transfer, positive durations and counts,"
                    + " PostgreSQL client counts from 1 to 190 and 1 to " + HttpOptions.BATCH_ITEMS_MAX + " batch items\n" + USAGE);
        }
        if (duration > HttpTargets.DURATION_MAX_SECONDS && targets.stream().anyMatch(HttpTargets.NAMES::contains)) {
            throw new IllegalArgumentException("--duration is at most " + HttpTargets.DURATION_MAX_SECONDS + " s with an"
                    + " HTTP target: requests are signed before the clock and the node refuses signatures older than 60 s");
        }
        return new CompareOptions(accounts, transfers, funding, new TransferMix(zipf, linked, 0, failing, seed), targets,
                duration, sweep, sweepSeconds, url, clients, batchClients, batchItems, warmup, window, out, scratch);
    }

    private static int number(CommandArgs.Option option) {
        try {
            return Integer.parseInt(option.value().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option.name() + " needs a whole number, not \"" + option.value() + "\"");
        }
    }

    private static long tiyn(String tenge) {
        return switch (Tenge.parse(tenge)) {
            case Tenge.Parsed.Valid valid -> valid.tiyn();
            case Tenge.Parsed.Invalid invalid -> throw new IllegalArgumentException("--funding: " + invalid.reason());
        };
    }

    private static List<String> targetList(String value) {
        if (value.equals("all")) {
            return List.copyOf(TARGETS.values());
        }
        List<String> chosen = new ArrayList<>();
        for (String name : value.split(",")) {
            String target = TARGETS.get(name.trim());
            if (target == null) {
                throw new IllegalArgumentException("--targets are " + String.join(",", TARGETS.keySet()) + " or all, not \""
                        + name.trim() + "\"");
            }
            chosen.add(target);
        }
        return TARGETS.values().stream().filter(chosen::contains).toList();
    }

    long durationNanos() {
        return durationSeconds * 1_000_000_000L;
    }
}
