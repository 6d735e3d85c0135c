package org.dtenge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.dtenge.node.Node;
import org.dtenge.node.NodeMain;

/**
 * The {@code http} command: starts a real node in this process (temp data directory, free port),
 * opens and funds wallets through the API, and measures what the node's issue asks of the HTTP API:
 * signed payments one per request from many clients (closed loop), the latency of payments offered at
 * a fixed rate (open loop, latency from the intended send), and transfers per second through the batch
 * endpoint. Every number counts only answers given after the fsync (200 from the node). For each phase
 * it also says where the CPU went: by thread role, and with {@code --jfr} by what the stacks were doing.
 *
 * <p>Client and node share the machine's cores: the load generator's CPU is shown on its own line so
 * that what the node would do alone can be judged.
 */
final class HttpBench {
    private static final long CATCH_UP_NANOS_MAX = 600_000_000_000L;
    private static final String CASH_IN = "100000.00";
    private static final int SETUP_THREADS = 32;
    /** Every how many payments one is timed around the sealing of its batch. */
    private static final int SPLIT_EVERY = 8;
    /** Seconds of unmeasured load at each open-loop rate before the measured ones. */
    private static final int OPEN_WARMUP_SECONDS = 3;
    private static final int BATCH_WARMUP_REQUESTS = 30;
    /** The node accepts a request signed at most 60 s ago: pre-signed requests are sent within 50 s or not at all. */
    private static final long SIGNATURES_USABLE_NANOS = 50_000_000_000L;

    private HttpBench() {}

    static void run(HttpOptions options) throws Exception {
        Machine.print(System.out);
        System.out.printf("NOTE            the load generator and the node run in this one process and share these %d cores:"
                + " client CPU is reported apart%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("options         %s%n", options);
        Path dir = options.dir().isPresent() ? Files.createDirectories(options.dir().get()) : Directories.scratch("");
        long transfersExpected = (long) (options.warmupSeconds() + options.durationSeconds()) * options.presignRate()
                + (long) options.durationSeconds() * options.rates().stream().mapToLong(Integer::longValue).sum()
                // each batch format (JSON, binary) runs its own warm-up and requests
                + (long) options.batchFormats().size() * (options.batchRequests() + BATCH_WARMUP_REQUESTS)
                        * options.batchItems()
                + 2L * options.wallets();
        Node node = NodeMain.start(new String[] {"--data-dir", dir.toString(), "--port", "0",
            "--ledger.accounts-expected", Integer.toString(options.wallets() + 1_000),
            "--ledger.transfers-expected", Long.toString(Math.min(Integer.MAX_VALUE, transfersExpected + transfersExpected / 4))});
        try (Transport transport = Transport.of(options.client(), "127.0.0.1", node.port())) {
            System.out.printf("client          %s%n", transport.describe());
            long setupStart = System.nanoTime();
            BenchNetwork network = BenchNetwork.open(transport, dir, options.wallets(), CASH_IN, SETUP_THREADS);
            System.out.printf("setup           %,d wallets opened at %s (POST /v1/wallets, tier full) and cashed in with %s each"
                    + " (POST /v1/cash-in) in %.1f s; reserve %s%n", options.wallets(), network.bank(), CASH_IN,
                    seconds(System.nanoTime() - setupStart), network.reserve().address());
            new HttpBench.Phases(options, node, transport, network).runAll();
        } finally {
            node.close();
            if (options.dir().isEmpty()) {
                Directories.delete(dir);
            }
        }
    }

    /** The phases against one node and one set of wallets. */
    private record Phases(HttpOptions options, Node node, Transport transport, BenchNetwork network) {
        void runAll() throws Exception {
            if (options.warmupSeconds() > 0) {
                // Scraped through the warm-up as Prometheus would scrape a node. Each phase starts and ends
                // with a scrape; without these, the first one hit Helidon's request code compiled for
                // payments alone (uncommon traps in the prologue, headers and routing), and the JIT
                // recompiled it during the measured seconds: 11.7-15.9 us of JIT per payment in the closed
                // loop, 7.7-9.4 with them (alternating runs).
                Thread scraper = Thread.ofPlatform().name("bench-warm-up-scraper").daemon().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        scrape(node);
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                // Signed as they go, on the client threads: not measured, and never stale however long it runs.
                long expiresAt = LoadRequests.expiry();
                ClosedLoop.Result warm = ClosedLoop.run(transport,
                        i -> Optional.of(LoadRequests.payment(network, transport, 1, i, expiresAt)), options.clients(),
                        options.warmupSeconds() * 1_000_000_000L, a -> 1, SPLIT_EVERY); // the measured phases' reading too
                scraper.interrupt();
                scraper.join();
                System.out.printf("%nwarm-up         %,d payments in %.1f s (%,.0f/s; signed as they go; not measured: compiles the hot paths); by status %s%n",
                        warm.tally().durable(), seconds(warm.elapsedNanos()), rate(warm.tally().durable(), warm.elapsedNanos()),
                        warm.tally().statuses());
                warm.tally().firstProblem().ifPresent(p -> System.out.printf("   first problem %s%n", p));
                projectionCatchUp(node); // each phase starts with nothing left behind
            }
            for (String phase : HttpOptions.PHASES) {
                if (options.phases().contains(phase)) {
                    switch (phase) {
                        case "closed" -> closed();
                        case "open" -> {
                            for (int rate : options.rates()) {
                                open(rate);
                            }
                        }
                        default -> {
                            for (String format : options.batchFormats()) {
                                batch(format);
                            }
                        }
                    }
                }
            }
        }

        private List<Transport.Prepared> presign(int count, long seed) {
            long start = System.nanoTime();
            List<Transport.Prepared> pool = LoadRequests.payments(network, transport, count, seed);
            System.out.printf("%npre-signed      %,d payments (wallet signature + request signature each) in %.1f s, before the clock%n",
                    count, seconds(System.nanoTime() - start));
            return pool;
        }

        private void closed() throws Exception {
            List<Transport.Prepared> pool = presign(options.presignRate() * options.durationSeconds(), 2);
            Observation observation = Observation.start(node, options, "closed");
            long duration = options.durationSeconds() * 1_000_000_000L;
            ClosedLoop.Result result = options.closedLoop().equals("selector")
                    ? SelectorClosedLoop.run("127.0.0.1", node.port(), pool, options.clients(), duration, a -> 1, SPLIT_EVERY)
                    : ClosedLoop.run(transport, pool, options.clients(), duration, a -> 1, SPLIT_EVERY);
            long catchUp = projectionCatchUp(node);
            Observed observed = observation.stop(result.tally().clientCpuNanos());
            System.out.printf("%n== CLOSED LOOP: POST /v1/payments, %d clients, each waits for its answer, %d s (%s)%n",
                    options.clients(), options.durationSeconds(), options.closedLoop().equals("selector")
                            ? "a connection each, served by one thread with a selector" : "a thread each");
            if (result.exhausted()) {
                System.out.printf("   (stopped early: all %,d pre-signed payments were sent; raise --presign-rate)%n", pool.size());
            }
            answers(result.tally(), result.elapsedNanos(), "payments");
            latency("latency (send to answer)", result.tally().latency);
            split(result.tally());
            projected(result.tally().durable(), "payments", result.elapsedNanos(), catchUp);
            observed.print(result.tally().durable(), "payment", result.elapsedNanos() + catchUp);
        }

        private void open(int rate) throws Exception {
            OpenLoopSchedule schedule = new OpenLoopSchedule(rate);
            if (options.warmupSeconds() > 0) {
                // The same rate and client first, unmeasured: the JIT compiled the open loop's own code, and
                // what a new rate makes hot, during the measured seconds otherwise (18 us per payment at 10,000/s).
                long signedAt = System.nanoTime();
                List<Transport.Prepared> warm = LoadRequests.payments(network, transport,
                        Math.toIntExact(schedule.count(OPEN_WARMUP_SECONDS)), 200L + rate);
                OpenLoop.Result result = openLoop(warm, schedule, signedAt, SPLIT_EVERY);
                System.out.printf("%nwarm-up         %,d payments at %,d/s (not measured); by status %s%n",
                        result.tally().durable(), rate, result.tally().statuses());
                projectionCatchUp(node);
            }
            long signedAt = System.nanoTime();
            List<Transport.Prepared> requests = presign(Math.toIntExact(schedule.count(options.durationSeconds())), 100L + rate);
            Observation observation = Observation.start(node, options, "open-" + rate);
            OpenLoop.Result result = openLoop(requests, schedule, signedAt, SPLIT_EVERY);
            long catchUp = projectionCatchUp(node);
            Observed observed = observation.stop(result.tally().clientCpuNanos());
            System.out.printf("%n== OPEN LOOP: POST /v1/payments offered at %,d/s for %d s (fixed schedule, %s)%n",
                    rate, options.durationSeconds(), options.client().equals("socket")
                            ? options.openWorkers() + " connections, one dispatcher and one reader thread"
                            : options.openWorkers() + " sending threads");
            answers(result.tally(), result.elapsedNanos(), "payments");
            long answered = result.tally().durable();
            boolean kept = result.tally().abandoned() == 0 && answered >= 0.99 * requests.size()
                    && result.elapsedNanos() < (options.durationSeconds() + 1) * 1_000_000_000L;
            System.out.printf("   %s%n", kept ? String.format("KEPT UP      the node answered at the offered rate: %,d of %,d with 200,"
                    + " the last within %.1f s", answered, requests.size(), seconds(result.elapsedNanos()))
                    : String.format("OVERLOADED   offered %,d/s, the node answered %,.0f/s: %,d of %,d answered 200, %,d abandoned"
                            + " (not sent: their signatures would have gone stale), the last answer %.1f s after the start",
                            rate, rate(answered, result.elapsedNanos()), answered, requests.size(), result.tally().abandoned(),
                            seconds(result.elapsedNanos())));
            latency("latency (from the INTENDED send: no coordinated omission)", result.tally().latency);
            latency("service time (from the actual send)", result.tally().service);
            latency("dispatcher lag (actual hand-over vs intended)", result.dispatchLag());
            slow(result.tally(), requests.size());
            split(result.tally());
            projected(result.tally().durable(), "payments", result.elapsedNanos(), catchUp);
            observed.print(result.tally().durable(), "payment", result.elapsedNanos() + catchUp);
        }

        private OpenLoop.Result openLoop(List<Transport.Prepared> requests, OpenLoopSchedule schedule, long signedAt,
                                         int splitEvery) throws Exception {
            return options.client().equals("socket")
                    ? SelectorOpenLoop.run("127.0.0.1", node.port(), requests, schedule, options.openWorkers(), a -> 1,
                            splitEvery, signedAt + SIGNATURES_USABLE_NANOS)
                    : OpenLoop.run(transport, requests, schedule, options.openWorkers(), a -> 1, splitEvery,
                            signedAt + SIGNATURES_USABLE_NANOS);
        }

        private void batch(String format) throws Exception {
            long start = System.nanoTime();
            boolean binary = format.equals("binary");
            List<Transport.Prepared> requests = binary
                    ? LoadRequests.binaryBatches(network, transport, options.batchRequests(), options.batchItems(), 6)
                    : LoadRequests.batches(network, transport, options.batchRequests(), options.batchItems(), 4);
            System.out.printf("%npre-signed      %,d %s batch requests of %,d transfers from %s's reserve in %.1f s, before the clock%n",
                    requests.size(), format, options.batchItems(), network.bank(), seconds(System.nanoTime() - start));
            ToLongFunction<Transport.Answer> committed = a -> AnswerFields.number(a.body(), "committed").orElse(0);
            if (options.warmupSeconds() > 0) {
                List<Transport.Prepared> warm = binary
                        ? LoadRequests.binaryBatches(network, transport, BATCH_WARMUP_REQUESTS, options.batchItems(), 7)
                        : LoadRequests.batches(network, transport, BATCH_WARMUP_REQUESTS, options.batchItems(), 5);
                ClosedLoop.Result warmed = ClosedLoop.run(transport, warm, options.batchClients(), Long.MAX_VALUE / 4, committed, 0);
                System.out.printf("warm-up         %,d batch requests, %,d transfers committed in %.1f s (not measured); by status %s%n",
                        warm.size(), warmed.tally().durable(), seconds(warmed.elapsedNanos()), warmed.tally().statuses());
                projectionCatchUp(node);
            }
            Observation observation = Observation.start(node, options, "batch-" + format);
            ClosedLoop.Result result = ClosedLoop.run(transport, requests, options.batchClients(), Long.MAX_VALUE / 4,
                    committed, 0);
            long catchUp = projectionCatchUp(node);
            Observed observed = observation.stop(result.tally().clientCpuNanos());
            System.out.printf("%n== BATCH (%s): POST /v1/payments/batch, %d clients, %,d requests of %,d transfers (reserve to wallets,"
                    + " no wallet signatures)%n", format, options.batchClients(), options.batchRequests(), options.batchItems());
            answers(result.tally(), result.elapsedNanos(), "requests");
            System.out.printf("   THROUGHPUT   %,.0f transfers/s committed and durable (%,d transfers in %.2f s)%n",
                    rate(result.tally().durable(), result.elapsedNanos()), result.tally().durable(), seconds(result.elapsedNanos()));
            long sent = (long) requests.size() * options.batchItems();
            if (result.tally().durable() < sent) {
                System.out.printf("   WARNING      only %,d of the %,d transfers sent were committed (ids used before? reserve empty?)%n",
                        result.tally().durable(), sent);
            }
            latency("latency per batch request (send to answer)", result.tally().latency);
            projected(result.tally().durable(), "transfers", result.elapsedNanos(), catchUp);
            observed.print(result.tally().durable(), "transfer", result.elapsedNanos() + catchUp);
        }
    }

    /**
     * How long after the last answer the projections had applied everything durable: the phase's CPU
     * figures run to that moment, so that work the projection left behind is counted too.
     */
    static long projectionCatchUp(Node node) throws InterruptedException {
        long start = System.nanoTime();
        while (!node.projectionsCaughtUp()) {
            if (System.nanoTime() - start > CATCH_UP_NANOS_MAX) {
                throw new IllegalStateException("the node's projection did not catch up with its journal in "
                        + CATCH_UP_NANOS_MAX / 1_000_000_000L + " s (has it stopped? see its log)");
            }
            Thread.sleep(1);
        }
        return System.nanoTime() - start;
    }

    private static void projected(long items, String what, long elapsedNanos, long catchUpNanos) {
        System.out.printf("   PROJECTED    the projection had applied the last of them (readable in history) %.2f s after the last answer:"
                + " %,.0f %s/s durable and projected%n", seconds(catchUpNanos), rate(items, elapsedNanos + catchUpNanos), what);
    }

    private static void answers(LoadTally tally, long elapsedNanos, String what) {
        System.out.printf("   answers      %,d in %.2f s: by status %s; transport failures %,d%n", tally.answers(),
                seconds(elapsedNanos), tally.statuses(), tally.failures());
        tally.firstProblem().ifPresent(p -> System.out.printf("   first problem %s%n", p));
        if (what.equals("payments")) {
            System.out.printf("   THROUGHPUT   %,.0f payments/s answered 200 (durable: after the fsync)%n",
                    rate(tally.durable(), elapsedNanos));
        }
    }

    static void latency(String what, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        System.out.printf("   %s, %,d samples:%n      p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n", what, h.getTotalCount(),
                millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(90)), millis(h.getValueAtPercentile(99)),
                millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()));
    }

    /** How the answers over 10 ms spread over the run: evenly (queueing) or in bursts (stalls). */
    private static void slow(LoadTally tally, int requests) {
        Map<Integer, Long> bySecond = tally.slowBySecond();
        long slow = bySecond.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("   over %d ms   %,d answers (%.2f%%)%s%n", LoadTally.SLOW_NANOS / 1_000_000, slow, 100.0 * slow / requests,
                slow == 0 ? "" : "; by second of the schedule they were due in: " + bySecond.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" ")));
    }

    private static void split(LoadTally tally) {
        if (tally.beforeSeal.getTotalCount() == 0) {
            return;
        }
        System.out.printf("   split at the sealing of the payment's batch (1 in %d payments; committedAt of the answer):%n",
                SPLIT_EVERY);
        System.out.printf("      send -> batch sealed   (HTTP in, auth, JSON, payment signature, queue):   mean %s  p50 %s  p99 %s%n",
                millis((long) tally.beforeSeal.getMean()), millis(tally.beforeSeal.getValueAtPercentile(50)),
                millis(tally.beforeSeal.getValueAtPercentile(99)));
        System.out.printf("      sealed -> answer       (apply, write, fsync, ack, receipt, JSON, HTTP out): mean %s  p50 %s  p99 %s%n",
                millis((long) tally.afterSeal.getMean()), millis(tally.afterSeal.getValueAtPercentile(50)),
                millis(tally.afterSeal.getValueAtPercentile(99)));
    }

    /** What is watched during a phase: CPU by thread, the node's metrics and, with --jfr, a recording. */
    private record Observation(Node node, ThreadCpu.Snapshot cpu, long allocated, String metrics,
                               Optional<Recording> recording, Optional<Path> file) {
        static Observation start(Node node, HttpOptions options, String phase) throws Exception {
            // The pre-signed requests were just made: collect now, so that they sit in the old generation
            // instead of being copied by the first young collections of the phase (a pause the node would
            // not have) and so that the last phase's garbage is gone.
            System.gc();
            Optional<Recording> recording = Optional.empty();
            Optional<Path> file = Optional.empty();
            if (options.jfrDir().isPresent()) {
                Files.createDirectories(options.jfrDir().get());
                file = Optional.of(options.jfrDir().get().resolve(phase + ".jfr"));
                recording = Optional.of(ProfileBreakdown.start());
            }
            return new Observation(node, ThreadCpu.take(), ThreadAllocation.all(), scrape(node), recording, file);
        }

        /** @param endedClientNanos CPU of the load generator's threads that have ended (as they reported it) */
        Observed stop(long endedClientNanos) throws IOException {
            ThreadCpu.Snapshot after = ThreadCpu.take();
            String metricsAfter = scrape(node);
            if (recording.isPresent()) {
                recording.get().stop();
                recording.get().dump(file.orElseThrow());
                recording.get().close();
            }
            return new Observed(ThreadCpu.byRole(cpu, after, endedClientNanos), ThreadCpu.othersNanos(cpu, after),
                    ThreadAllocation.all() - allocated, metrics, metricsAfter, file);
        }
    }

    /** What the observation saw. */
    private record Observed(Map<String, Long> cpuByRole, long othersNanos, long allocated, String metricsBefore,
                            String metricsAfter, Optional<Path> jfr) {
        void print(long items, String item, long elapsedNanos) throws IOException {
            if (items == 0) {
                return;
            }
            node(items, item, elapsedNanos);
            long total = cpuByRole.values().stream().mapToLong(Long::longValue).sum();
            long client = cpuByRole.getOrDefault(ThreadCpu.CLIENT, 0L);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("   CPU          %.1f of %d cores busy (%.0f%%); per %s: %s us in all, %s us node + JVM, %s us load generator%n",
                    total / (double) elapsedNanos, cores, 100.0 * total / elapsedNanos / cores, item, micros(total, items),
                    micros(total - client, items), micros(client, items));
            System.out.printf("   others       other processes on this machine used %.2f cores meanwhile%s%n",
                    othersNanos / (double) elapsedNanos, othersNanos > elapsedNanos / 20 ? " (the figures above are disturbed)" : "");
            System.out.printf("   memory       %,.1f KB allocated per %s (all Java threads, load generator included)%n",
                    allocated / 1024.0 / items, item);
            for (Map.Entry<String, Long> role : cpuByRole.entrySet()) {
                if (role.getValue() * 1000 >= total) {
                    System.out.printf("      %-62s %6.1f%%  %8s us/%s%n", role.getKey(), 100.0 * role.getValue() / total,
                            micros(role.getValue(), items), item);
                }
            }
            if (jfr.isPresent()) {
                long jvm = cpuByRole.getOrDefault(ThreadCpu.VM, 0L) + cpuByRole.getOrDefault(ThreadCpu.JIT, 0L)
                        + cpuByRole.getOrDefault(ThreadCpu.GC, 0L) + cpuByRole.getOrDefault(ThreadCpu.VM_THREAD, 0L);
                profile(items, item, total - jvm);
            }
        }

        /** Batches and server-side request time from the node's own metrics. */
        private void node(long items, String item, long elapsedNanos) {
            double batches = delta("dtenge_journal_batch_events_count", List.of());
            double events = delta("dtenge_journal_batch_events_sum", List.of());
            double requests = delta("dtenge_http_requests_seconds_count", List.of("method=\"POST\""));
            double requestSeconds = delta("dtenge_http_requests_seconds_sum", List.of("method=\"POST\""));
            double busy = delta("dtenge_sequencer_busy_total", List.of());
            if (batches > 0) {
                System.out.printf("   node         %,.0f journal batches (%,.0f/s), %,.0f events per batch on average; %,.0f POSTs,"
                                + " %.2f ms each on average inside the node's routing; %,.0f refused busy%n", batches,
                        batches * 1e9 / elapsedNanos, events / batches, requests,
                        requests == 0 ? 0.0 : 1000 * requestSeconds / requests, busy);
            }
            double signatures = delta("dtenge_payment_signatures_checked_total", List.of());
            double signatureBatches = delta("dtenge_payment_signatures_batches_total", List.of());
            if (signatureBatches > 0) {
                System.out.printf("   signatures   %,.0f payment signatures checked in %,.0f batches, %.1f each on average (%s)%n",
                        signatures, signatureBatches, signatures / signatureBatches,
                        org.dtenge.node.auth.Signatures.implementation());
            }
        }

        private double delta(String metric, List<String> labels) {
            return PrometheusText.sum(metricsAfter, metric, labels) - PrometheusText.sum(metricsBefore, metric, labels);
        }

        private void profile(long items, String item, long javaThreadNanos) throws IOException {
            ProfileBreakdown.Summary summary = ProfileBreakdown.read(jfr.orElseThrow());
            System.out.printf("   JFR          %s, %,d samples of Java threads' CPU (%s); us/%s scaled to the Java threads' %,.0f ms:%n",
                    jfr.get(), summary.samples(), summary.sampleEvent(), item, javaThreadNanos / 1e6);
            for (Map.Entry<String, Long> category : summary.categories().entrySet()) {
                double share = (double) category.getValue() / summary.samples();
                if (share >= 0.002) {
                    System.out.printf("      %-78s %5.1f%%  %8s us/%s%n", category.getKey(), 100 * share,
                            micros((long) (share * javaThreadNanos), items), item);
                }
            }
            System.out.println("      innermost frames:");
            int shown = 0;
            for (Map.Entry<String, Long> frame : summary.topFrames().entrySet()) {
                if (shown++ == 15) {
                    break;
                }
                System.out.printf("        %5.1f%%  %s%n", 100.0 * frame.getValue() / summary.samples(), frame.getKey());
            }
            Histogram fsync = summary.fsyncNanos();
            if (fsync.getTotalCount() > 0) {
                System.out.printf("      fsync        %,d (FileChannel.force): p50 %s  p99 %s  max %s%n", fsync.getTotalCount(),
                        millis(fsync.getValueAtPercentile(50)), millis(fsync.getValueAtPercentile(99)), millis(fsync.getMaxValue()));
            }
            Histogram pauses = summary.gcPauseNanos();
            if (pauses.getTotalCount() > 0) {
                System.out.printf("      GC pauses    %,d collections stopped every thread for %s in all: p50 %s  p99 %s  max %s%n",
                        pauses.getTotalCount(), millis((long) (pauses.getMean() * pauses.getTotalCount())),
                        millis(pauses.getValueAtPercentile(50)), millis(pauses.getValueAtPercentile(99)), millis(pauses.getMaxValue()));
            }
        }
    }

    private static String scrape(Node node) {
        try (SocketTransport plain = new SocketTransport("127.0.0.1", node.port())) {
            Transport.Answer answer = plain.send(plain.prepare(new SignedRequest("GET", "/metrics", new byte[0], Map.of(), SignedRequest.JSON)));
            return new String(answer.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double rate(long count, long nanos) {
        return count * 1e9 / nanos;
    }

    static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    static String micros(long nanos, long items) {
        return String.format("%,.1f", nanos / 1e3 / items);
    }
}
