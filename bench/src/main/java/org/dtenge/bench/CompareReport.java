package org.dtenge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * The results of one {@code compare} run: the table on the terminal and {@code results.json}, whose
 * format ({@value #FORMAT}) is documented in docs/benchmarks.md. Ratios are to PostgreSQL's best run
 * when PostgreSQL was among the targets.
 */
final class CompareReport {
    static final String FORMAT = "dtenge-bench-compare/1";
    /** The targets: throughput of a dtenge target as a multiple of PostgreSQL's best. */
    static final Map<String, Integer> REQUIRED_RATIO = Map.of(LedgerTarget.NAME, 150, HttpTargets.BATCH, 50,
            HttpTargets.RESERVE_BATCH, 50, HttpTargets.RESERVE_BINARY, 50);

    private final CompareOptions options;
    private final Workload workload;
    private final List<TargetResult> results;
    private final Optional<PostgresTarget.Outcome> postgres;
    private final Instant date = Instant.now();

    CompareReport(CompareOptions options, Workload workload, List<TargetResult> results,
                  Optional<PostgresTarget.Outcome> postgres) {
        this.options = options;
        this.workload = workload;
        this.results = List.copyOf(results);
        this.postgres = postgres;
    }

    List<TargetResult> results() {
        return results;
    }

    Optional<PostgresTarget.Outcome> postgres() {
        return postgres;
    }

    /** Throughput as a multiple of PostgreSQL's best, when PostgreSQL ran. */
    OptionalDouble ratio(TargetResult result) {
        return postgres.isPresent() && postgres.get().best().throughput() > 0
                ? OptionalDouble.of(result.throughput() / postgres.get().best().throughput()) : OptionalDouble.empty();
    }

    void printTable(PrintStream out) {
        out.printf("%n%-26s %13s %9s %9s %8s %8s %8s %9s %9s %-27s %s%n", "target", "transfers/s", "vs PG", "decided",
                "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "memory", "latency of");
        for (TargetResult r : results) {
            Histogram h = r.latencyNanos();
            OptionalDouble ratio = ratio(r);
            out.printf("%-26s %,13.0f %9s %,9d %8s %8s %8s %9s %9s %-27s %s%n", r.name(), r.throughput(),
                    ratio.isPresent() ? String.format("%.1fx", ratio.getAsDouble()) : "-", r.transfers(),
                    millis(h, 50), millis(h, 90), millis(h, 99), millis(h, 99.9), String.format("%.2f", h.getMaxValue() / 1e6),
                    memory(r.memory()), r.latencyUnit());
        }
        out.println();
        for (TargetResult r : results) {
            out.printf("%-26s %s; %,d committed, %,d refused (insufficient funds), %,d errors in %.2f s; memory: %s%n",
                    r.name(), r.description(), r.committed(), r.refused(), r.errors(), r.elapsedNanos() / 1e9, r.memory().what());
        }
        postgres.ifPresent(pg -> {
            out.printf("%nPostgreSQL sweep (%d s each; best: %s, %d clients, then measured again for %d s: %,.0f/s; the"
                            + " baseline is the faster of the two, %s):%n", options.sweepSeconds(), pg.bestMode().label(),
                    pg.bestClients(), options.durationSeconds(), pg.finalRun().throughput(),
                    pg.baselineFromSweep() ? "the sweep's point" : "the final run");
            for (PostgresTarget.Point point : pg.sweep()) {
                out.printf("   %-10s %3d clients  %,9.0f transfers/s  p50 %s ms  p99 %s ms%n", point.mode().label(),
                        point.clients(), point.throughput(),
                        millis(point.run().latencyNanos(), 50), millis(point.run().latencyNanos(), 99));
            }
        });
        for (TargetResult r : results) {
            Integer required = REQUIRED_RATIO.get(r.name());
            OptionalDouble ratio = ratio(r);
            if (required != null && ratio.isPresent()) {
                out.printf("issue target   %-26s >= %dx PostgreSQL: measured %.1fx, %s%n", r.name(), required,
                        ratio.getAsDouble(), ratio.getAsDouble() >= required ? "MET" : "NOT MET");
            }
        }
    }

    private static String millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.2f", h.getValueAtPercentile(percentile) / 1e6);
    }

    /** A JVM's heap after GC and its RSS; a server's PSS (shared memory counted once). */
    private static String memory(ProcessMemory.Use use) {
        if (use.heapBytes().isPresent()) {
            return "heap " + mib(use.heapBytes()) + ", RSS " + mib(use.rssBytes());
        }
        return "PSS " + mib(use.pssBytes()) + ", RSS " + mib(use.rssBytes());
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() >> 20) + " MiB" : "-";
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("date", date.toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", Machine.cpuModel());
        machine.put("memory", Machine.memory());
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        ObjectNode load = root.putObject("workload");
        load.put("accounts", workload.accounts());
        load.put("feeCollectors", 1);
        load.put("fundingTiyn", workload.fundingTiyn());
        load.put("transfers", workload.transfers());
        load.put("units", workload.units());
        load.put("linkedPairs", workload.linkedPairs());
        load.put("unpayable", workload.unpayable());
        load.put("zipf", workload.mix().zipfExponent());
        load.put("linkedPercent", workload.mix().linkedPercent());
        load.put("failingPercent", workload.mix().failingPercent());
        load.put("seed", workload.mix().seed());
        ObjectNode run = root.putObject("run");
        run.put("durationSeconds", options.durationSeconds());
        run.put("sweepSeconds", options.sweepSeconds());
        ArrayNode sweep = run.putArray("sweep");
        options.sweep().forEach(sweep::add);
        run.put("httpClients", options.clients());
        run.put("batchClients", options.batchClients());
        run.put("batchItems", options.batchItems());
        run.put("warmupSeconds", options.warmupSeconds());
        run.put("ledgerWindow", options.window());
        postgres.ifPresent(pg -> root.put("baseline", pg.best().name()));
        ArrayNode targets = root.putArray("targets");
        for (TargetResult r : results) {
            target(json, targets.addObject(), r);
        }
        postgres.ifPresent(pg -> {
            ObjectNode node = root.putObject("postgresql");
            node.put("baselineFrom", pg.baselineFromSweep() ? "sweep" : "final");
            node.put("finalRunThroughputPerSecond", pg.finalRun().throughput());
            node.put("bestMode", pg.bestMode().label());
            node.put("bestClients", pg.bestClients());
            ArrayNode points = node.putArray("sweep");
            for (PostgresTarget.Point point : pg.sweep()) {
                ObjectNode p = points.addObject();
                p.put("mode", point.mode().label());
                p.put("clients", point.clients());
                p.put("throughputPerSecond", point.throughput());
                p.set("latencyMillis", latency(json, point.run().latencyNanos()));
            }
        });
        ArrayNode goals = root.putArray("issueTargets");
        for (TargetResult r : results) {
            Integer required = REQUIRED_RATIO.get(r.name());
            OptionalDouble ratio = ratio(r);
            if (required != null && ratio.isPresent()) {
                ObjectNode goal = goals.addObject();
                goal.put("target", r.name());
                goal.put("ratioRequired", required);
                goal.put("ratio", ratio.getAsDouble());
                goal.put("met", ratio.getAsDouble() >= required);
            }
        }
        json.writeValue(file.toFile(), root);
    }

    private void target(ObjectMapper json, ObjectNode node, TargetResult r) {
        node.put("name", r.name());
        node.put("description", r.description());
        node.put("transfers", r.transfers());
        node.put("committed", r.committed());
        node.put("refused", r.refused());
        node.put("errors", r.errors());
        node.put("seconds", r.elapsedNanos() / 1e9);
        node.put("throughputPerSecond", r.throughput());
        OptionalDouble ratio = ratio(r);
        if (ratio.isPresent()) {
            node.put("ratioToBaseline", ratio.getAsDouble());
        }
        node.put("latencyUnit", r.latencyUnit());
        node.set("latencyMillis", latency(json, r.latencyNanos()));
        ObjectNode memory = node.putObject("memory");
        r.memory().heapBytes().ifPresent(v -> memory.put("heapBytes", v));
        r.memory().rssBytes().ifPresent(v -> memory.put("rssBytes", v));
        r.memory().pssBytes().ifPresent(v -> memory.put("pssBytes", v));
        memory.put("what", r.memory().what());
        node.set("details", json.valueToTree(r.details()));
    }

    private static ObjectNode latency(ObjectMapper json, Histogram h) {
        ObjectNode node = json.createObjectNode();
        node.put("samples", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return node;
        }
        node.put("p50", h.getValueAtPercentile(50) / 1e6);
        node.put("p90", h.getValueAtPercentile(90) / 1e6);
        node.put("p99", h.getValueAtPercentile(99) / 1e6);
        node.put("p99_9", h.getValueAtPercentile(99.9) / 1e6);
        node.put("max", h.getMaxValue() / 1e6);
        node.put("mean", h.getMean() / 1e6);
        return node;
    }
}
