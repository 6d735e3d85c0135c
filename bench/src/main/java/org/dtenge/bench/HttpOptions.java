package org.dtenge.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of the {@code http} command, parsed by hand like {@link ThroughputOptions}.
 *
 * @param presignRate  the closed loop's pool of pre-signed payments holds {@code presignRate × duration}
 *                     requests; a run that uses them all up stops early and says so
 * @param openWorkers  the open loop's connections (socket client) or sending threads (jdk client): the
 *                     most requests it keeps in flight
 * @param closedLoop   "selector" (the socket client's default: one thread and a selector over the clients'
 *                     connections) or "threads" (a thread per client, blocking; the jdk client's only way)
 */
record HttpOptions(int wallets, int clients, int durationSeconds, int warmupSeconds, List<Integer> rates, int openWorkers,
                   int presignRate, int batchClients, int batchRequests, int batchItems, List<String> batchFormats,
                   List<String> phases,
                   String client, String closedLoop, Optional<Path> jfrDir, Optional<Path> dir) {
    static final List<String> PHASES = List.of("closed", "open", "batch");
    static final int BATCH_ITEMS_MAX = 8_190;

    static final String USAGE = """
            http options (one node started in this process; client and server share the machine's cores):
              --wallets N          wallets opened at halyk and cashed in (default 1000)
              --clients C          closed loop: concurrent clients, one payment per request (default 64)
              --duration S         seconds each of the closed and open loops runs (default 10)
              --warmup S           closed-loop seconds before measuring, to compile the hot paths (default 30;
                                   the batch phase also sends 30 unmeasured batches first)
              --rate R[,R...]      open loop: payments per second offered at fixed intervals, one run per rate
                                   (default 10000; e.g. 1000,2000,4000,10000 to find where latency breaks)
              --open-workers N     open loop: connections (socket client) or sending threads (jdk client),
                                   the most requests in flight (default 256)
              --presign-rate N     closed loop: pre-signed payments per second of --duration (default 30000)
              --batch-clients N    batch: concurrent clients (default 4: with 2 the node sat 70-78% busy, each
                                   client's next batch waiting on its last one's fsync and answer)
              --batch-requests N   batch: requests sent in all (default 200)
              --batch-items N      batch: transfers per request, at most 8190 (default 8190)
              --batch-format LIST  batch: json, binary (records of application/vnd.dtenge.batch) or both, one run
                                   each (default json,binary)
              --phases LIST        which of closed,open,batch to run (default all three)
              --client jdk|socket  jdk: java.net.http.HttpClient (default); socket: a minimal HTTP/1.1 client
                                   on blocking sockets, to show how much of the shared CPU the JDK client takes
              --closed-loop selector|threads
                                   closed loop with the socket client: each client a connection served by one
                                   thread with a selector (default), or a thread of its own that blocks on its
                                   socket (a wake-up per answer: at 128 clients the load generator took 17-19
                                   us of the shared CPU per payment against 7.5, and the node 79-83 against 74-75)
              --jfr DIR            record each measured phase with JFR into DIR/<phase>.jfr and print where
                                   the samples fall (signature checks, JSON, receipts, HTTP, ...)
              --dir PATH           the node's data directory, absent or empty (default: a temp dir, deleted after)""";

    private static final Set<String> WITH_VALUE = Set.of("--wallets", "--clients", "--duration", "--warmup", "--rate",
            "--open-workers", "--presign-rate", "--batch-clients", "--batch-requests", "--batch-items", "--batch-format", "--phases",
            "--client", "--closed-loop", "--jfr", "--dir");

    static HttpOptions parse(String[] args) {
        int wallets = 1_000;
        int clients = 64;
        int duration = 10;
        int warmup = 30;
        List<Integer> rates = List.of(10_000);
        int openWorkers = 256;
        int presignRate = 30_000;
        int batchClients = 4;
        int batchRequests = 200;
        int batchItems = BATCH_ITEMS_MAX;
        List<String> batchFormats = List.of("json", "binary");
        Set<String> phases = new LinkedHashSet<>(PHASES);
        String client = "jdk";
        String closedLoop = "selector";
        Optional<Path> jfr = Optional.empty();
        Optional<Path> dir = Optional.empty();
        for (CommandArgs.Option option : CommandArgs.parse(args, WITH_VALUE, Set.of(), USAGE)) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--wallets" -> wallets = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rate" -> rates = java.util.Arrays.stream(value.split(",")).map(r -> Integer.parseInt(r.trim())).toList();
                case "--open-workers" -> openWorkers = Integer.parseInt(value);
                case "--presign-rate" -> presignRate = Integer.parseInt(value);
                case "--batch-clients" -> batchClients = Integer.parseInt(value);
                case "--batch-requests" -> batchRequests = Integer.parseInt(value);
                case "--batch-items" -> batchItems = Integer.parseInt(value);
                case "--batch-format" -> batchFormats = batchFormats(value);
                case "--phases" -> phases = phases(value);
                case "--client" -> client = value;
                case "--closed-loop" -> closedLoop = value;
                case "--jfr" -> jfr = Optional.of(Path.of(value));
                case "--dir" -> dir = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (wallets < 2 || clients < 1 || duration < 1 || warmup < 0 || rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || openWorkers < 1 || presignRate < 1
                || batchClients < 1 || batchRequests < 1 || batchItems < 1 || batchItems > BATCH_ITEMS_MAX) {
            throw new IllegalArgumentException("need at least 2 wallets, positive counts and rates, and 1 to "
                    + BATCH_ITEMS_MAX + " batch items\n" + USAGE);
        }
        if (!client.equals("jdk") && !client.equals("socket")) {
            throw new IllegalArgumentException("--client is jdk or socket, not " + client + "\n" + USAGE);
        }
        if (!closedLoop.equals("selector") && !closedLoop.equals("threads")) {
            throw new IllegalArgumentException("--closed-loop is selector or threads, not " + closedLoop + "\n" + USAGE);
        }
        if (client.equals("jdk")) {
            closedLoop = "threads";
        }
        return new HttpOptions(wallets, clients, duration, warmup, rates, openWorkers, presignRate, batchClients,
                batchRequests, batchItems, batchFormats, PHASES.stream().filter(phases::contains).toList(), client, closedLoop,
                jfr, dir);
    }

    private static List<String> batchFormats(String list) {
        List<String> formats = java.util.Arrays.stream(list.split(",")).map(String::trim).distinct().toList();
        if (formats.isEmpty() || !List.of("json", "binary").containsAll(formats)) {
            throw new IllegalArgumentException("--batch-format is json, binary or json,binary, not " + list + "\n" + USAGE);
        }
        return formats;
    }

    private static Set<String> phases(String list) {
        Set<String> phases = new LinkedHashSet<>();
        for (String phase : list.split(",")) {
            if (!PHASES.contains(phase.trim())) {
                throw new IllegalArgumentException("phases are " + PHASES + ", not " + phase + "\n" + USAGE);
            }
            phases.add(phase.trim());
        }
        return phases;
    }
}
