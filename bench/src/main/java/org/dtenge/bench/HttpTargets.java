package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.dtenge.node.Node;
import org.dtenge.node.NodeMain;
import org.dtenge.node.auth.KeyFiles;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;

/**
 * Target (b): a dtenge node over HTTP, started in this process on a scratch data directory with the
 * pilot network; the workload's accounts are wallets opened at one bank (Halyk) and cashed in with the
 * workload's funding, with tier limits raised out of the way so that, as on the other targets, only the
 * balance decides. Then three phases, one after another on the same node, each from the start of the
 * workload with its own transfer ids (so balances carry over from one phase to the next):
 * <ul>
 *   <li>{@code dtenge-http-batch}: the bank submits its customers' payments in batches, each item signed
 *       by the payer's wallet key (verified by the node, in parallel);</li>
 *   <li>{@code dtenge-http-payments}: single signed payments, one per request, from many clients;</li>
 *   <li>{@code dtenge-http-reserve-batch}: the same payees and amounts paid from the bank's own reserve
 *       (payouts such as salaries: no wallet signatures), the batch the node's issue measured.</li>
 * </ul>
 * Requests are signed before the clock starts and sent with the minimal socket client. A decided transfer
 * is one the node answered as committed (after the fsync) or refused by the ledger (insufficient funds).
 */
final class HttpTargets {
    static final String BATCH = "dtenge-http-batch";
    static final String PAYMENTS = "dtenge-http-payments";
    static final String RESERVE_BATCH = "dtenge-http-reserve-batch";
    static final String RESERVE_BINARY = "dtenge-http-reserve-binary";
    static final List<String> NAMES = List.of(BATCH, PAYMENTS, RESERVE_BATCH, RESERVE_BINARY);
    private static final int RESERVE_PHASES = 2;
    private static final String NO_LIMIT = "90000000000000000.00";
    private static final String CENTRAL_BANK = "nbk";
    private static final int SETUP_THREADS = 32;
    /** How fast each phase could go at most, to size the pre-signed requests to its duration. */
    private static final Map<String, Integer> RATE_CEILING = Map.of(BATCH, 60_000, PAYMENTS, 20_000, RESERVE_BATCH, 800_000,
            RESERVE_BINARY, 1_000_000);
    /** A request is signed at most this long before it is sent: the node refuses signatures older than 60 s. */
    static final int DURATION_MAX_SECONDS = 40;

    private HttpTargets() {}

    /** The options that shape these phases. */
    record Settings(List<String> phases, int clients, int batchClients, int batchItems, int warmupSeconds,
                    long durationNanos) {}

    static List<TargetResult> run(Workload workload, Settings settings, Path scratch, Progress progress) throws Exception {
        // The node's web server logs each start and connection at INFO: not what the table is about.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Directories.scratch(scratch.toString());
        long expected = 2L * workload.accountsWithCollector() + 3L * workload.transfers() + 200_000L * settings.warmupSeconds();
        Node node = NodeMain.start(new String[] {"--data-dir", dir.toString(), "--port", "0",
            "--ledger.accounts-expected", Integer.toString(workload.accountsWithCollector() + 1_000),
            "--ledger.transfers-expected", Long.toString(Math.min(Integer.MAX_VALUE / 2, expected + expected / 4)),
            "--tier.full.holding-limit", NO_LIMIT, "--tier.full.payment-limit", NO_LIMIT, "--tier.full.daily-limit", NO_LIMIT});
        try (Transport transport = Transport.of("socket", "127.0.0.1", node.port())) {
            long setupStart = System.nanoTime();
            issue(transport, dir, workload);
            BenchNetwork network = BenchNetwork.open(transport, dir, workload.accountsWithCollector(),
                    Tenge.format(workload.fundingTiyn()), SETUP_THREADS);
            System.out.printf("setup           %,d wallets opened at %s and cashed in through the API in %.1f s (not measured)%n",
                    workload.accountsWithCollector(), network.bank(), (System.nanoTime() - setupStart) / 1e9);
            warmUp(network, transport, settings);
            List<TargetResult> results = new ArrayList<>();
            Phase phase = new Phase(workload, settings, network, transport, progress, node);
            for (String name : NAMES) {
                if (settings.phases().contains(name)) {
                    results.add(phase.run(name));
                }
            }
            return results;
        } finally {
            node.close();
            Directories.delete(dir);
        }
    }

    /**
     * The central bank issues to Halyk's reserve what the setup and the reserve phases will pay out of it:
     * every wallet's cash-in and every payable transfer of the workload, so that no payout fails for want
     * of reserve (the genesis issuance is far smaller).
     */
    private static void issue(Transport transport, Path dir, Workload workload) throws IOException, InterruptedException {
        long payable = 0;
        for (int t = 0; t < workload.transfers(); t++) {
            payable = Math.addExact(payable, workload.amount(t) == Workload.UNPAYABLE_TIYN ? 0 : workload.amount(t));
        }
        // Each of the reserve phases pays the whole workload out of the reserve.
        long tiyn = Math.addExact(Math.multiplyExact(workload.fundingTiyn(), workload.accountsWithCollector()),
                Math.multiplyExact(payable, RESERVE_PHASES));
        RequestSigner centralBank = new RequestSigner(CENTRAL_BANK, KeyFiles.readPrivate(dir.resolve("keys")
                .resolve(CENTRAL_BANK + ".key")));
        String body = "{\"id\":\"" + TransferId.random(new java.security.SecureRandom()).hex() + "\",\"bank\":\""
                + BenchNetwork.BANK + "\",\"amount\":\"" + Tenge.format(tiyn) + "\"}";
        Transport.Answer answer = transport.send(transport.prepare(SignedRequest.post(centralBank, "/v1/issuance",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("POST /v1/issuance of " + Tenge.format(tiyn) + " tenge answered " + answer.status()
                    + ": " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Compiles the hot paths before anything is measured: payments signed as they go, a few batches. */
    private static void warmUp(BenchNetwork network, Transport transport, Settings settings) throws InterruptedException {
        if (settings.warmupSeconds() == 0) {
            return;
        }
        long expiresAt = LoadRequests.expiry();
        ClosedLoop.run(transport, i -> Optional.of(LoadRequests.payment(network, transport, 1, i, expiresAt)),
                settings.clients(), settings.warmupSeconds() * 1_000_000_000L, a -> 1, 0);
        ClosedLoop.run(transport, LoadRequests.batches(network, transport, 10, 1_000, 5), settings.batchClients(),
                Long.MAX_VALUE / 4, a -> 1, 0);
    }

    private record Phase(Workload workload, Settings settings, BenchNetwork network, Transport transport,
                         Progress progress, Node node) {
        TargetResult run(String name) throws InterruptedException {
            long seconds = Math.max(1, settings.durationNanos() / 1_000_000_000L);
            int count = (int) Math.min(workload.transfers(), RATE_CEILING.get(name) * seconds);
            long tag = 0x7E57_0000L + NAMES.indexOf(name) + 1;
            long signStart = System.nanoTime();
            List<Transport.Prepared> requests = switch (name) {
                case PAYMENTS -> WorkloadRequests.payments(network, transport, workload, count, tag);
                case BATCH -> WorkloadRequests.batches(network, transport, workload, count, settings.batchItems(), tag, false);
                case RESERVE_BINARY -> WorkloadRequests.binaryBatches(network, transport, workload, count, settings.batchItems(), tag);
                default -> WorkloadRequests.batches(network, transport, workload, count, settings.batchItems(), tag, true);
            };
            System.out.printf("pre-signed      %,d transfers for %s in %.1f s (not measured)%n", count, name,
                    (System.nanoTime() - signStart) / 1e9);
            int clients = name.equals(PAYMENTS) ? settings.clients() : settings.batchClients();
            LongAdder committed = new LongAdder();
            LongAdder refused = new LongAdder();
            ToLongFunction<Transport.Answer> decided = name.equals(PAYMENTS) ? a -> {
                committed.increment();
                progress.advance(1);
                return 1;
            } : a -> {
                long c = AnswerFields.number(a.body(), "committed").orElse(0);
                long r = AnswerFields.number(a.body(), "refused").orElse(0);
                committed.add(c);
                refused.add(r);
                progress.advance(c + r);
                return c + r;
            };
            System.gc(); // the pre-signed requests are made: collect now rather than during the phase
            progress.begin(name, count, settings.durationNanos());
            ClosedLoop.Result result = ClosedLoop.run(transport, requests, clients, settings.durationNanos(), decided, 0);
            // Until history has it too: the time counts, so that a projection left behind is not free.
            long catchUpNanos = HttpBench.projectionCatchUp(node);
            progress.end();
            requests = null; // the heap figure below is the node's and the generator's, not the pre-signed requests'
            Map<Integer, Long> statuses = result.tally().statuses();
            if (name.equals(PAYMENTS)) {
                refused.add(statuses.getOrDefault(422, 0L)); // the ledger said no (insufficient funds): decided
            }
            long errors = result.tally().failures() + statuses.entrySet().stream()
                    .filter(e -> e.getKey() != 200 && !(name.equals(PAYMENTS) && e.getKey() == 422))
                    .mapToLong(Map.Entry::getValue).sum();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clients", clients);
            details.put("requests", result.sent());
            details.put("statuses", statuses);
            details.put("preSignedTransfers", count);
            details.put("ranOutOfRequests", result.exhausted());
            details.put("projectionCaughtUpSeconds", catchUpNanos / 1e9);
            result.tally().firstProblem().ifPresent(p -> details.put("firstProblem", p));
            if (!name.equals(PAYMENTS)) {
                details.put("batchItems", settings.batchItems());
            }
            ProcessMemory.Use memory = ProcessMemory.thisProcess("this JVM: node (ledger, journal, projections, HTTP)"
                    + " and the load generator");
            return new TargetResult(name, description(name, clients), committed.sum() + refused.sum(), committed.sum(),
                    errors, result.elapsedNanos() + catchUpNanos, result.tally().latency, latencyUnit(name), memory, details);
        }

        private String description(String name, int clients) {
            return switch (name) {
                case PAYMENTS -> "dtenge node over HTTP: POST /v1/payments, one signed payment per request, " + clients
                        + " clients";
                case BATCH -> "dtenge node over HTTP: POST /v1/payments/batch of " + settings.batchItems()
                        + " wallet-signed payments, " + clients + " clients";
                case RESERVE_BINARY -> "dtenge node over HTTP: POST /v1/payments/batch of " + settings.batchItems()
                        + " payouts from the bank's reserve as binary records, " + clients + " clients";
                default -> "dtenge node over HTTP: POST /v1/payments/batch of " + settings.batchItems()
                        + " payouts from the bank's reserve (no wallet signatures), " + clients + " clients";
            };
        }

        private static String latencyUnit(String name) {
            return name.equals(PAYMENTS) ? "one payment request, send to whole answer (after the fsync)"
                    : "one batch request, send to whole answer (after the fsync)";
        }
    }
}
