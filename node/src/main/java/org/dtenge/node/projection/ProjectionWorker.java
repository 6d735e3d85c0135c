package org.dtenge.node.projection;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;
import org.dtenge.node.BackgroundPriority;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.events.EventHub;
import org.dtenge.node.events.NodeEvent;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.sequencer.Submission;

/**
 * Keeps the projections up with the journal on its own thread, so that the sequencer never waits for
 * SQLite. It is fed the submissions the sequencer's sync thread acknowledges ({@link #offer}, which only
 * enqueues). The queue is bounded by events: when SQLite falls too far behind, offers are dropped and
 * the worker reads what it missed from the journal instead. The same path catches up at start.
 *
 * <p>Each queued submission is checked against the position (the next event due): already applied,
 * it is skipped; the next one, it is applied; beyond a gap (something was dropped), the gap is first
 * filled from the journal. Each transaction commits the position with the changes, so after a crash
 * the projection resumes exactly where its last commit left it.
 */
public final class ProjectionWorker implements AutoCloseable {
    private static final int EVENTS_PER_TRANSACTION = 400_000;
    /**
     * How long applied events may wait for their commit. Each commit writes to the WAL every page the
     * transaction dirtied, and the history of every account touched ends in a page of its own: committing
     * every 50 ms rewrote the same pages twenty times a second (the projection took 31 us of CPU per
     * signed payment, against 15 us committing every second). Every five seconds: each commit, with the
     * WAL checkpoint it brings, writes some 10 MB at once at 10,000 payments a second, and the journal's
     * writes and fsyncs queue behind it on the same disk; committing every second, 68-80% of the answers
     * over 10 ms came during a commit or within 100 ms of it (docs/benchmarks.md, 2026-12-04). Readers see
     * history and signatures at once anyway, through {@link Uncommitted}, and stream events go out as
     * events are applied; only statistics wait for the commit, and a crash replays at most this much.
     */
    private static final long COMMIT_INTERVAL_NANOS = 5_000_000_000L;
    /**
     * The commit interval while nothing comes in (a gather found the queue empty): a quiet node's
     * statistics come within about a second, and its commits are small.
     */
    private static final long QUIET_COMMIT_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * How long submissions gather in the queue while the worker sleeps. It sleeps rather than waits on
     * the queue: a wait there was woken (a futex call on each side, and a context switch) for every
     * payment the sync thread handed over. History and events come this much later at most.
     */
    private static final long GATHER_NANOS = 2_000_000L;

    /**
     * The worker's nice value: no answer waits for the projection, so it runs in the CPU time the
     * request threads, verifiers and sequencer leave ({@link BackgroundPriority}). When they leave none,
     * it still gets some, and beyond its queue's bound it catches up from the journal.
     */
    private static final int NICE = 10;

    private final Projector projector;
    private final Uncommitted uncommitted;
    private final Journal journal;
    private final EventHub hub;
    private final long queuedEventsMax;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedEvents = new AtomicLong();
    private final Thread thread;
    private volatile boolean dropped;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private int uncommittedEvents;
    private long lastCommitNanos = System.nanoTime();

    public ProjectionWorker(ProjectionDb db, Journal journal, AccountDirectory directory,
                            ParticipantRegistry registry, EventHub hub, int dayOffsetSeconds, IntFunction<String> tierName,
                            long queuedEventsMax, LedgerTransfers ledgerTransfers) {
        try {
            this.projector = new Projector(db.writer(), db.uncommitted(), db.signatures(), directory, registry, dayOffsetSeconds,
                    tierName, hub::listens, ledgerTransfers);
        } catch (SQLException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot prepare the projections: " + e.getMessage()), e);
        }
        this.uncommitted = db.uncommitted();
        this.journal = journal;
        this.hub = hub;
        this.queuedEventsMax = queuedEventsMax;
        this.thread = Thread.ofPlatform().name("dtenge-projection").daemon().unstarted(this::run);
    }

    /** Applies everything durable in the journal; before the sequencer starts, on the caller's thread. */
    public void catchUp() {
        try {
            fillFromJournal();
        } catch (IOException | SQLException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot bring the projections up to the journal: "
                    + e.getMessage() + " (they are derived: delete projections.db to rebuild them)"), e);
        }
    }

    public void start() {
        thread.start();
    }

    /** Hands over an acknowledged submission; on the sequencer's sync thread, so it never waits. */
    public void offer(Submission submission) {
        if (queuedEvents.get() + submission.count() > queuedEventsMax) {
            dropped = true; // the journal has it: the worker will read it from there
            return;
        }
        queuedEvents.addAndGet(submission.count());
        queue.add(submission);
    }

    public Position position() {
        return projector.position();
    }

    /** Transfers projected since start (catch-up included). */
    public long transfersApplied() {
        return projector.transfers();
    }

    public long eventsQueued() {
        return queuedEvents.get();
    }

    /** True while the worker runs without failure (for readiness). */
    public boolean isHealthy() {
        return failure == null && thread.isAlive();
    }

    private void run() {
        BackgroundPriority.lowerCurrentThread(NICE);
        List<Submission> taken = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                long waitNanos = uncommittedEvents == 0 ? COMMIT_INTERVAL_NANOS
                        : Math.max(0, COMMIT_INTERVAL_NANOS - (System.nanoTime() - lastCommitNanos));
                Submission first = queue.poll();
                if (first == null && waitNanos > 0) {
                    LockSupport.parkNanos(Math.min(waitNanos, GATHER_NANOS));
                    first = queue.poll();
                }
                if (first != null) {
                    taken.add(first);
                    int events = first.count();
                    Submission next;
                    while (events < EVENTS_PER_TRANSACTION && (next = queue.poll()) != null) {
                        taken.add(next);
                        events += next.count();
                    }
                    applyAll(taken);
                    taken.clear();
                    hub.publish(projector.publish());
                }
                long interval = first == null ? QUIET_COMMIT_INTERVAL_NANOS : COMMIT_INTERVAL_NANOS;
                if (uncommittedEvents > 0 && (uncommittedEvents >= EVENTS_PER_TRANSACTION || !running
                        || System.nanoTime() - lastCommitNanos >= interval)) {
                    commit();
                }
                if (dropped) {
                    dropped = false; // before filling: a drop during the fill sets it again
                    fillFromJournal();
                }
            }
            if (uncommittedEvents > 0) {
                commit();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            failure = e;
            System.err.println("dtenge: projections stopped, they will catch up at the next start: " + e);
        }
    }

    /** Applies queued submissions in the open transaction; the caller commits when it is time. */
    private void applyAll(List<Submission> submissions) throws SQLException, IOException {
        for (Submission s : submissions) {
            queuedEvents.addAndGet(-s.count());
            Position start = new Position(s.batch().sequence(), s.firstIndex());
            if (start.compareTo(projector.position()) > 0) {
                commit(); // what came before the gap is applied: keep it
                fillFromJournal();
            }
            projector.apply(s.batch(), s.events(), s.results(), s.firstIndex());
            uncommittedEvents += s.count();
        }
    }

    /**
     * Applies every durable batch from the position on, one journal read per batch (the journal serves
     * readers on other threads; a whole replay would hold its lock for the duration).
     */
    private void fillFromJournal() throws IOException, SQLException {
        long from = projector.position().sequence();
        long to = journal.durableHead().sequence();
        if (from > to) {
            return;
        }
        EventBatch batch = new EventBatch();
        Results results = new Results();
        int events = 0;
        for (long sequence = from; sequence <= to; sequence++) {
            BatchHeader header = journal.read(sequence, batch, results);
            projector.apply(header, batch, results, 0);
            events += header.eventCount();
            if (events >= EVENTS_PER_TRANSACTION) {
                commit();
                events = 0;
            }
        }
        commit();
    }

    private void commit() throws SQLException, IOException {
        uncommittedEvents = 0;
        lastCommitNanos = System.nanoTime();
        List<NodeEvent> events;
        try {
            events = projector.commit();
        } catch (SQLException | IOException e) {
            projector.rollback();
            throw e;
        } finally {
            uncommitted.clear(); // after the commit: a reader that misses something here finds it in SQLite
        }
        hub.publish(events);
    }

    /** Applies what is queued, then stops. Call after the sequencer has closed, so nothing more comes. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
