package org.dtenge.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Target (c): PostgreSQL as the baseline. For each way of sending the transaction
 * ({@link PostgresLedger.Mode}) and each client count of the sweep, the tables are created afresh and
 * that many threads (each with a connection from a HikariCP pool of that size) run the workload's units
 * from the start, one transaction each ({@link PostgresLedger}), until the time is up or the workload
 * runs out. The best mode and client count is then run once more for the full duration; the faster of
 * that run and the sweep's best point is the baseline of the table.
 */
final class PostgresTarget {
    static final String NAME = "postgresql";

    private PostgresTarget() {}

    /** One point of the sweep. */
    record Point(PostgresLedger.Mode mode, int clients, double throughput, TargetResult run) {}

    /**
     * The sweep, the final run at the best mode and client count, and the baseline: the final run, or the
     * sweep's best point when that was faster (on a shared machine a run can be unlucky, and the ratios
     * must not profit from it).
     */
    record Outcome(List<Point> sweep, PostgresLedger.Mode bestMode, int bestClients, TargetResult finalRun,
                   TargetResult best) {
        boolean baselineFromSweep() {
            return best != finalRun;
        }
    }

    static Outcome run(String jdbcUrl, Workload workload, List<Integer> sweep, long sweepNanos, long durationNanos,
                       Server server, Progress progress) throws SQLException, InterruptedException {
        List<Point> points = new ArrayList<>();
        for (PostgresLedger.Mode mode : PostgresLedger.Mode.values()) {
            for (int clients : sweep) {
                TargetResult run = once(jdbcUrl, workload, mode, clients, sweepNanos, server, progress, "sweep");
                points.add(new Point(mode, clients, run.throughput(), run));
            }
        }
        Point best = points.stream().max(java.util.Comparator.comparingDouble(Point::throughput)).orElseThrow();
        TargetResult measured = once(jdbcUrl, workload, best.mode(), best.clients(), durationNanos, server, progress, "best");
        return new Outcome(points, best.mode(), best.clients(), measured,
                best.throughput() > measured.throughput() ? best.run() : measured);
    }

    /** What is known about the server: how to measure its memory, and its version and settings. */
    record Server(java.util.OptionalLong pid, String description) {}

    static TargetResult once(String jdbcUrl, Workload workload, PostgresLedger.Mode mode, int clients, long durationNanos,
                             Server server, Progress progress, String phase) throws SQLException, InterruptedException {
        try (HikariDataSource pool = pool(jdbcUrl, clients, mode)) {
            Map<String, Object> settings;
            try (Connection connection = pool.getConnection()) {
                PostgresLedger.reset(connection, workload);
                settings = settings(connection);
                connection.setAutoCommit(mode == PostgresLedger.Mode.FUNCTION);
            }
            progress.begin(NAME + " " + phase + " " + mode.label() + " " + clients, workload.transfers(), durationNanos);
            Loop loop = new Loop(pool, workload, mode, progress);
            long elapsed = loop.run(clients, durationNanos);
            ProcessMemory.Use memory = server.pid().isPresent()
                    ? ProcessMemory.tree(server.pid().getAsLong(), "PostgreSQL server: postmaster and backends")
                    : ProcessMemory.Use.unknown("server not on this machine or its data directory not readable");
            progress.end();
            // A client's failure first: it would explain a difference in the totals below.
            if (loop.failure.get() != null) {
                throw new IllegalStateException("a PostgreSQL client failed: " + loop.failure.get(), loop.failure.get());
            }
            PostgresLedger.Totals totals;
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(true);
                totals = PostgresLedger.totals(connection);
                connection.setAutoCommit(mode == PostgresLedger.Mode.FUNCTION);
            }
            long expectedBalances = workload.fundingTiyn() * workload.accountsWithCollector();
            if (totals.balances() != expectedBalances || totals.transfers() != loop.committed.get()) {
                throw new IllegalStateException("PostgreSQL did not conserve the money: balances sum to " + totals.balances()
                        + " (expected " + expectedBalances + "), " + totals.transfers() + " transfers stored, "
                        + loop.committed.get() + " committed");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clients", clients);
            details.put("mode", mode.label());
            details.put("pool", "HikariCP, " + clients + " connections");
            details.put("retries", loop.retries.get());
            details.put("server", server.description());
            details.put("settings", settings);
            return new TargetResult(NAME, "PostgreSQL, one transaction per transfer (linked pair: one for both), "
                    + (mode == PostgresLedger.Mode.FUNCTION ? "one PL/pgSQL call" : "three statements") + " each, "
                    + clients + " clients, synchronous_commit=on", loop.transfers.get(), loop.committed.get(), 0, elapsed,
                    loop.latency(), "one transaction (a transfer or a linked pair), begin to commit returned", memory,
                    details);
        }
    }

    private static HikariDataSource pool(String jdbcUrl, int clients, PostgresLedger.Mode mode) {
        // HikariCP logs through SLF4J, which has no provider here: without this it warns on every run.
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(clients);
        config.setMinimumIdle(clients);
        config.setAutoCommit(mode == PostgresLedger.Mode.FUNCTION); // the function's call is its transaction
        config.setPoolName("bench-postgres");
        // Per session, so that a given server's default cannot weaken durability: commit waits for the WAL flush.
        config.setConnectionInitSql("SET synchronous_commit = on");
        return new HikariDataSource(config);
    }

    private static Map<String, Object> settings(Connection connection) throws SQLException {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT name, setting, unit FROM pg_settings WHERE name IN"
                     + " ('server_version', 'synchronous_commit', 'fsync', 'full_page_writes', 'wal_sync_method',"
                     + " 'shared_buffers', 'max_wal_size', 'commit_delay', 'wal_level') ORDER BY name")) {
            while (result.next()) {
                String unit = result.getString(3);
                settings.put(result.getString(1), result.getString(2) + (unit == null ? "" : " x " + unit));
            }
        }
        return settings;
    }

    /** The client threads of one run. */
    private static final class Loop {
        private final HikariDataSource pool;
        private final Workload workload;
        private final PostgresLedger.Mode mode;
        private final Progress progress;
        private final AtomicInteger nextUnit = new AtomicInteger();
        private final AtomicLong transfers = new AtomicLong();
        private final AtomicLong committed = new AtomicLong();
        private final AtomicLong retries = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final List<Histogram> latencies = new ArrayList<>();

        Loop(HikariDataSource pool, Workload workload, PostgresLedger.Mode mode, Progress progress) {
            this.pool = pool;
            this.workload = workload;
            this.mode = mode;
            this.progress = progress;
        }

        long run(int clients, long durationNanos) throws InterruptedException {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(clients);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            long[] deadline = new long[1];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Histogram latency = RunResult.latencyHistogram();
                latencies.add(latency);
                threads.add(Thread.ofPlatform().name("bench-pg-" + c).start(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        client(latency, deadline[0]);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            ready.await();
            long start = System.nanoTime();
            deadline[0] = start + durationNanos; // published to the clients by the latch
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            return System.nanoTime() - start;
        }

        private void client(Histogram latency, long deadline) {
            while (System.nanoTime() < deadline && failure.get() == null) {
                int unit = nextUnit.getAndIncrement();
                if (unit >= workload.units()) {
                    return;
                }
                long start = System.nanoTime();
                try (Connection connection = pool.getConnection()) {
                    PostgresLedger.Outcome outcome = PostgresLedger.apply(connection, workload, unit, mode);
                    latency.recordValue(System.nanoTime() - start);
                    int size = workload.unitSize(unit);
                    transfers.addAndGet(size);
                    if (outcome.committed()) {
                        committed.addAndGet(size);
                    }
                    retries.addAndGet(outcome.retries());
                    progress.advance(size);
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        }

        Histogram latency() {
            Histogram all = RunResult.latencyHistogram();
            for (Histogram h : latencies) {
                all.add(h);
            }
            return all;
        }
    }
}
