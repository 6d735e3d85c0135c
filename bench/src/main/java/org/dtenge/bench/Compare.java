package org.dtenge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code compare} command, {@code dtenge bench}: one seeded {@link Workload} against every target
 * in one run, the dtenge ledger in process ({@link LedgerTarget}), a dtenge node over HTTP
 * ({@link HttpTargets}) and PostgreSQL ({@link PostgresTarget}, with a sweep for its best client
 * count); then a table on standard output, {@code results.json} and PNG plots in the output directory.
 */
public final class Compare {
    private Compare() {}

    /** Runs the command line; what {@code dtenge bench} calls. Bad options throw IllegalArgumentException. */
    public static Path run(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // sqlite-jdbc (the node's projections) and HikariCP log through SLF4J, which has no provider here.
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        CompareOptions options = CompareOptions.parse(args);
        Path out = options.out().orElseGet(Compare::defaultOut);
        Files.createDirectories(out);
        Machine.print(System.out);
        System.out.printf("NOTE            every target runs on these %d cores, one after another; the load generators"
                + " (and the HTTP node) run in this JVM%n", Runtime.getRuntime().availableProcessors());
        Workload workload = Workload.generate(options.accounts(), options.transfers(), options.fundingTiyn(), options.mix());
        System.out.printf("workload        %s%n", workload.describe());
        List<TargetResult> results = new ArrayList<>();
        Optional<PostgresTarget.Outcome> postgres = Optional.empty();
        try (Progress progress = Progress.onTerminal()) {
            if (options.targets().contains(LedgerTarget.NAME)) {
                announce("dtenge ledger in process, durable journal: all " + workload.transfers() + " transfers");
                results.add(LedgerTarget.run(workload, options.scratch(), options.window(), progress));
            }
            List<String> http = options.targets().stream().filter(HttpTargets.NAMES::contains).toList();
            if (!http.isEmpty()) {
                announce("dtenge node over HTTP: " + String.join(", ", http) + ", " + options.durationSeconds() + " s each");
                results.addAll(HttpTargets.run(workload, new HttpTargets.Settings(http, options.clients(),
                        options.batchClients(), options.batchItems(), options.warmupSeconds(), options.durationNanos()),
                        options.scratch(), progress));
            }
            if (options.targets().contains(PostgresTarget.NAME)) {
                postgres = Optional.of(postgres(options, workload, progress));
                results.add(postgres.get().best());
            }
        }
        CompareReport report = new CompareReport(options, workload, results, postgres);
        report.printTable(System.out);
        report.writeJson(out.resolve("results.json"));
        ComparePlots.write(out, report);
        System.out.printf("%nresults in %s (results.json, throughput.png, latency.png%s)%n", out.toAbsolutePath(),
                postgres.isPresent() ? ", postgres-sweep.png" : "");
        return out;
    }

    private static PostgresTarget.Outcome postgres(CompareOptions options, Workload workload, Progress progress)
            throws Exception {
        long sweepNanos = options.sweepSeconds() * 1_000_000_000L;
        if (options.postgresUrl().isPresent()) {
            announce("PostgreSQL at " + options.postgresUrl().get() + ": sweep of clients " + options.sweep());
            return PostgresTarget.run(options.postgresUrl().get(), workload, options.sweep(), sweepNanos,
                    options.durationNanos(), new PostgresTarget.Server(OptionalLong.empty(), "given by --postgres-url"), progress);
        }
        try (PostgresServer server = PostgresServer.start(options.scratch())) {
            String version = server.version();
            announce("PostgreSQL started for this run (" + version + ", private cluster): sweep of clients " + options.sweep());
            return PostgresTarget.run(server.jdbcUrl(), workload, options.sweep(), sweepNanos, options.durationNanos(),
                    new PostgresTarget.Server(server.pid(), version + ", private cluster started for the run"), progress);
        }
    }

    private static void announce(String what) {
        System.out.printf("%n== %s%n", what);
        System.out.flush();
    }

    private static Path defaultOut() {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        Path results = Path.of("bench", "results");
        return Files.isDirectory(results) ? results.resolve(time + "-compare") : Path.of("dtenge-bench-" + time);
    }
}
