package org.dtenge.node;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.dtenge.journal.Journal;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.snapshot.Snapshots;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.node.auth.RequestAuthenticator;
import org.dtenge.node.auth.Sessions;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.chain.Receipts;
import org.dtenge.node.chain.RecentBatches;
import org.dtenge.node.chain.TransferLookup;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.config.Tier;
import org.dtenge.node.events.EventHub;
import org.dtenge.node.extension.Extensions;
import org.dtenge.node.extension.NodeContext;
import org.dtenge.node.genesis.Genesis;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.program.Programs;
import org.dtenge.node.program.Scheduler;
import org.dtenge.node.http.Api;
import org.dtenge.node.http.Json;
import org.dtenge.node.http.Route;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.projection.ProjectionDb;
import org.dtenge.node.projection.ProjectionQueries;
import org.dtenge.node.projection.ProjectionWorker;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.BatchPayments;
import org.dtenge.node.service.Network;
import org.dtenge.node.service.Payments;
import org.dtenge.node.service.Queries;
import org.dtenge.node.service.SignatureVerifier;
import org.dtenge.node.service.Transfers;
import org.dtenge.node.service.TwoTier;
import org.dtenge.node.service.Wallets;
import org.dtenge.programs.AccountNames;
import org.dtenge.programs.Conditions;
import org.dtenge.programs.Contracts;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SequencerConfig;

/**
 * One dtenge node: everything in one process over one data directory.
 *
 * <pre>
 * data/
 *   node.lock        held while a node runs, so that two never share the directory
 *   journal/         journal segments and snapshots (the truth)
 *   projections.db   SQLite: history, statistics, registry (derived; delete it to rebuild it)
 *   keys/            the genesis participants' and wallets' Ed25519 keys (PEM)
 *   network.json     what genesis created, with addresses
 * </pre>
 *
 * Starting: take the lock, recover the ledger (newest snapshot + journal), bring the projections up
 * to the journal, start the sequencer, run genesis if the journal is empty, start the HTTP server.
 * Stopping ({@link #close}, also on SIGTERM through {@link NodeMain}'s hook): close the event
 * streams, stop the HTTP server (in-flight requests finish), close the sequencer (everything queued
 * is applied, made durable and acknowledged), let the projections drain, close the journal.
 */
public final class Node implements AutoCloseable {
    /** Queued events beyond which the projection reads from the journal instead of the queue. */
    private static final long PROJECTION_QUEUE_EVENTS_MAX = 1_000_000;
    /** Events of recent batches kept in memory for receipts: a few full batches. */
    private static final int RECENT_BATCH_EVENTS = 8 * EventBatch.EVENTS_MAX;
    /** Batches kept in memory for receipts at most: about a quarter of a second at 10,000 payments/s. */
    private static final int RECENT_BATCHES = 1024;
    /** Events kept per listening participant, for a stream that reconnects with Last-Event-ID. */
    private static final int EVENTS_KEPT_FOR_REPLAY = 10_000;
    /** How long session credentials last; a restart ends them sooner (see {@link Sessions}). */
    private static final java.time.Duration SESSION_LIFETIME = java.time.Duration.ofHours(1);
    /** How often the scheduler looks for due scheduled payments. */
    private static final long SCHEDULER_POLL_MILLIS = 200;

    private final NodeConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Journal journal;
    private final ProjectionDb db;
    private final ProjectionWorker projection;
    private final Sequencer sequencer;
    private final LedgerGate gate;
    private final SignatureVerifier verifier;
    private final EventHub hub;
    private final Api api;
    private final WebServer server;
    private final ParticipantRegistry registry;
    private final Extensions extensions;
    private final Scheduler scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private Node(NodeConfig config, FileChannel lockChannel, FileLock lock, Parts parts) {
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.journal = parts.journal;
        this.db = parts.db;
        this.projection = parts.projection;
        this.sequencer = parts.sequencer;
        this.gate = parts.gate;
        this.verifier = parts.verifier;
        this.hub = parts.hub;
        this.api = parts.api;
        this.server = parts.server;
        this.registry = parts.registry;
        this.extensions = parts.extensions;
        this.scheduler = parts.scheduler;
    }

    /** What {@link #start} builds, in the order it builds them. */
    private static final class Parts {
        Journal journal;
        ProjectionDb db;
        ProjectionWorker projection;
        Sequencer sequencer;
        LedgerGate gate;
        SignatureVerifier verifier;
        EventHub hub;
        Api api;
        WebServer server;
        ParticipantRegistry registry;
        Extensions extensions;
        /** The ledger's policy templates with programmable money; contracts are rebuilt by recovery. */
        Scheduler scheduler;
        final Contracts contracts = new Contracts(new Conditions(), (hi, lo) -> hi >= 0 && hi <= 0xFFFF && (hi | lo) != 0
                ? new AccountId(hi, lo).address() : AccountNames.hex().name(hi, lo));

        /** After a failed start: stops and closes whatever was started, newest first. */
        void closeStarted() {
            if (extensions != null) {
                extensions.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            if (sequencer != null) {
                sequencer.close();
            }
            if (gate != null) {
                gate.close();
            }
            if (projection != null) {
                projection.close();
            }
            if (verifier != null) {
                verifier.close();
            }
            try {
                if (journal != null) {
                    journal.close();
                }
            } catch (IOException e) {
                System.err.println("dtenge: closing the journal after a failed start: " + e);
            }
            if (db != null) {
                db.close();
            }
        }
    }

    public static Node start(NodeConfig config) {
        Path data = config.dataDir().toAbsolutePath();
        FileChannel lockChannel;
        FileLock lock;
        try {
            Files.createDirectories(data.resolve("journal"));
            Files.createDirectories(data.resolve("keys"));
            lockChannel = FileChannel.open(data.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot use data directory " + data + ": "
                    + e.getMessage()), e);
        }
        if (lock == null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // nothing was written through it
            }
            throw NodeException.of(ProblemType.CONFIGURATION, "another node is running on " + data + " (it holds node.lock)");
        }
        try {
            return new Node(config, lockChannel, lock, build(config, data));
        } catch (RuntimeException e) {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The lock, or null when another process, or another node in this process, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static Parts build(NodeConfig config, Path data) {
        Parts parts = new Parts();
        try {
            build(config, data, parts);
            return parts;
        } catch (RuntimeException e) {
            parts.closeStarted();
            throw e;
        }
    }

    private static void build(NodeConfig config, Path data, Parts parts) {
        FileStorage storage;
        Recovered recovered;
        try {
            storage = new FileStorage(data.resolve("journal"));
            recovered = Recovery.open(storage, parts.contracts, new Ledger.Config(config.accountsExpected(),
                    config.transfersExpected(), Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), JournalOptions.defaults());
            parts.journal = recovered.journal(); // readable from request threads while it appends
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot recover the journal in " + data.resolve("journal")
                    + ": " + e.getMessage()), e);
        }
        NodeMetrics metrics = new NodeMetrics();
        parts.registry = new ParticipantRegistry();
        AccountDirectory directory = new AccountDirectory();
        parts.hub = new EventHub(1024, EVENTS_KEPT_FOR_REPLAY);
        parts.db = new ProjectionDb(data.resolve("projections.db"));
        ProjectionQueries projections = new ProjectionQueries(parts.db);
        projections.participants().forEach(parts.registry::add);
        projections.accounts(directory::put);
        TransferLookup legs = new TransferLookup(recovered.ledger());
        parts.projection = new ProjectionWorker(parts.db, parts.journal, directory, parts.registry, parts.hub,
                Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS, code -> config.tier(code).map(Tier::name).orElse("none"),
                PROJECTION_QUEUE_EVENTS_MAX, legs);
        parts.projection.catchUp();
        RecentBatches recent = new RecentBatches(RECENT_BATCH_EVENTS, RECENT_BATCHES, parts.journal.durableHead().sequence());
        parts.sequencer = new Sequencer(recovered.ledger(), parts.journal, new Snapshots(storage)::write,
                Sequencer::wallClockNanos, new SequencerConfig(config.queueCapacity(), EventBatch.EVENTS_MAX, 0,
                config.snapshotEveryEvents(), config.batchInterval().toNanos()));
        ProjectionWorker projection = parts.projection;
        LedgerGate gate = new LedgerGate(parts.sequencer, submission -> {
            if (submission.firstIndex() == 0) {
                metrics.batch(submission.batch().eventCount());
            }
            recent.add(submission);
            projection.offer(submission);
        }, config.answerTimeout(), metrics::busy);
        parts.gate = gate;
        directory.readMissesFrom(id -> gate.read(ledger -> ledger.account(id.hi(), id.lo())));
        legs.readThrough(gate);
        parts.projection.start();
        if (recovered.head().sequence() == 0) {
            List<Participant> genesis = new Genesis(Json.mapper(), config, new SecureRandom()).run(gate, data.resolve("keys"));
            genesis.forEach(parts.registry::add); // at once: the projection adds them too, a moment later
        }
        parts.scheduler = new Scheduler(gate, parts.contracts, InstantSource.system(), SCHEDULER_POLL_MILLIS).start();
        parts.verifier = new SignatureVerifier(config.verifierThreads(), config.verifierLinger());
        Transfers transfers = new Transfers(gate, new Receipts(recent, parts.journal));
        Api.Services services = services(config, parts, gate, directory, recent, projections);
        parts.extensions = Extensions.start(new NodeContext(config, data, gate, transfers, services, parts.registry,
                parts.journal));
        Sessions sessions = new Sessions(new SecureRandom(), InstantSource.system(), SESSION_LIFETIME);
        parts.api = new Api(config, Json.mapper(), services, parts.registry, new RequestAuthenticator(parts.registry,
                sessions, InstantSource.system(), config.clockSkew().toMillis()), sessions, parts.hub, metrics,
                () -> health(parts), parts.extensions.openApi());
        metrics.gauge("dtenge.projection.queued.events", "Events waiting to be projected", projection::eventsQueued);
        metrics.counter("dtenge.transfers.committed", "Transfers applied, counted as they are projected",
                projection::transfersApplied);
        metrics.gauge("dtenge.events.streams", "Open event streams", parts.hub::openStreams);
        metrics.gauge("dtenge.participants", "Registered participants", parts.registry::size);
        SignatureVerifier verifier = parts.verifier;
        metrics.counter("dtenge.payment.signatures.checked", "Single payments' signatures checked",
                verifier::singlesChecked);
        metrics.counter("dtenge.payment.signatures.batches", "Batches those signatures were checked in",
                verifier::singleBatches);
        parts.extensions.routes().forEach(parts.api::add);
        parts.server = parts.api.start();
        if (!parts.server.isRunning() || parts.server.port() < 0) {
            // Helidon logs a failed bind and hands back a server that is not running, rather than throwing.
            throw NodeException.of(ProblemType.CONFIGURATION, "cannot listen on " + config.host() + ":" + config.port()
                    + "; is another process using the port? (set port, or DTENGE_PORT)");
        }
    }

    private static Api.Services services(NodeConfig config, Parts parts, LedgerGate gate, AccountDirectory directory,
                                         RecentBatches recent, ProjectionQueries projections) {
        Receipts receipts = new Receipts(recent, parts.journal);
        Transfers transfers = new Transfers(gate, receipts);
        Access access = new Access(directory);
        InstantSource clock = InstantSource.system();
        return new Api.Services(new Network(gate, parts.registry), new TwoTier(transfers, parts.registry, access),
                new Wallets(gate, access), new Payments(transfers, access, parts.verifier, clock, projections, receipts),
                new BatchPayments(gate, access, parts.verifier, clock),
                new Queries(gate, parts.journal, projections, access, config.statisticsGroupMin()), access,
                new Programs(gate, parts.contracts, access, projections, transfers, clock, config.statisticsGroupMin()));
    }

    private static Map<String, Object> health(Parts parts) {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean sequencer = parts.sequencer.failure().isEmpty();
        boolean projection = parts.projection.isHealthy();
        checks.put("ready", sequencer && projection);
        checks.put("sequencer", sequencer ? "UP" : "DOWN: " + parts.sequencer.failure().get());
        checks.put("projection", projection ? "UP" : "DOWN");
        checks.put("durableBatch", parts.journal.durableHead().sequence());
        checks.put("projectedTo", parts.projection.position().sequence());
        checks.put("participants", parts.registry.size());
        return checks;
    }

    /**
     * Whether the projections have applied every event the journal holds durably: history shows them
     * from then on; statistics once the projection's next commit, at most a second later, is done.
     */
    public boolean projectionsCaughtUp() {
        return projection.position().sequence() > journal.durableHead().sequence();
    }

    /** The port the HTTP server listens on (useful when configured with port 0). */
    public int port() {
        return server.port();
    }

    public NodeConfig config() {
        return config;
    }

    public List<Route> routes() {
        return api.routes();
    }

    /** Blocks until the node has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.closeAll();
        server.stop();
        extensions.close(); // before the sequencer: an extension's last requests still get their answers
        scheduler.close();
        sequencer.close();
        gate.close();
        projection.close();
        verifier.close();
        try {
            journal.close();
        } catch (IOException e) {
            System.err.println("dtenge: closing the journal failed (it was synced; recovery will check it): " + e);
        }
        db.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            System.err.println("dtenge: releasing node.lock failed: " + e);
        }
        stopped.countDown();
    }
}
