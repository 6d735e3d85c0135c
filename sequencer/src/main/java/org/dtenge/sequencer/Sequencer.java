package org.dtenge.sequencer;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.LedgerImage;

/**
 * The single writer. Callers on any thread {@link #offer} submissions into a bounded queue; one
 * sequencer thread forms them into batches and applies each to the ledger; the journal thread appends
 * each batch (Merkle root, CRCs, one write); the sync thread fsyncs whatever has been written and only
 * then completes the callers' futures. With three batch slots, applying batch N+2, hashing N+1 and
 * syncing N overlap, and one fsync may cover several batches; a caller is never told of a result
 * before its batch is durable. With a batch interval ({@link SequencerConfig#batchIntervalNanos}), a
 * batch that is not full is sealed no sooner than that after the one before, so that more submissions
 * share a write and an fsync, for a little more latency (docs/benchmarks.md, 2026-12-04). Another
 * thread writes snapshots so that the sequencer only pays for the capture.
 *
 * <pre>
 *   callers --offer--> [queue] --sequencer: form, stamp, apply--> journal thread: append --> sync thread: fsync
 *      ^                                                                                          |
 *      +-------------------------------- futures complete after the fsync -----------------------+
 * </pre>
 *
 * <p>If the journal fails, the ledger in memory may be ahead of the disk: the sequencer stops, fails
 * every waiting future with {@link SequencerStoppedException}, and the process must recover.
 */
public final class Sequencer implements AutoCloseable {
    /** One being applied, one being written, one being synced. */
    private static final int SLOTS = 3;

    private final Ledger ledger;
    private final Journal journal;
    private final SnapshotSink snapshots;
    private final LongSupplier clockNanos;
    private final SequencerConfig config;
    private final BlockingQueue<Submission> queue;
    private final BlockingQueue<BatchSlot> free = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<BatchSlot> sealed = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<BatchSlot> written = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Snapshot> snapshotQueue = new ArrayBlockingQueue<>(1);
    private final java.util.concurrent.ConcurrentLinkedQueue<Read<?>> reads = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The last slot sealed and not yet persisted, or null: reads that ran after it wait for it. */
    private volatile BatchSlot inFlight;
    private final Thread sequencerThread;
    private final Thread writerThread;
    private final Thread syncerThread;
    private final Thread snapshotThread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private Submission carried;
    private long eventsSinceSnapshot;
    /** When the sequencer thread last sealed a batch ({@link System#nanoTime}), for the batch interval. */
    private long lastSealNanos;

    private record Snapshot(LedgerImage image, org.dtenge.journal.BatchHeader at) {}

    private record Read<T>(java.util.function.Function<Ledger, T> query, java.util.concurrent.CompletableFuture<T> answer) {}

    /**
     * Reads the ledger consistently: {@code query} runs on the sequencer thread between batches, and
     * its answer is delivered only once every batch whose effects it saw is durable, so a caller never
     * sees a balance that a crash could take back. The query must only read, and must copy what it
     * returns (lookups such as {@link Ledger#account} already do).
     */
    public <T> java.util.concurrent.CompletableFuture<T> read(java.util.function.Function<Ledger, T> query) {
        checkRunning();
        java.util.concurrent.CompletableFuture<T> answer = new java.util.concurrent.CompletableFuture<>();
        reads.add(new Read<>(query, answer));
        return answer;
    }

    /** Runs waiting reads; each is answered after the batch in flight, if any, is durable. */
    private void runReads() {
        Read<?> read;
        while ((read = reads.poll()) != null) {
            answer(read);
        }
    }

    private <T> void answer(Read<T> read) {
        T value;
        try {
            value = read.query().apply(ledger);
        } catch (RuntimeException e) {
            read.answer().completeExceptionally(e);
            return;
        }
        synchronized (this) {
            BatchSlot pending = inFlight;
            if (pending != null) {
                pending.afterDurable(() -> {
                    if (failure != null) {
                        read.answer().completeExceptionally(stopped());
                    } else {
                        read.answer().complete(value);
                    }
                });
                return;
            }
        }
        read.answer().complete(value);
    }

    /**
     * Starts the threads. {@code ledger} must be the state right after the journal's head, and from now
     * on belongs to the sequencer thread.
     */
    public Sequencer(Ledger ledger, Journal journal, SnapshotSink snapshots, LongSupplier clockNanos,
                     SequencerConfig config) {
        this.ledger = ledger;
        this.journal = journal;
        this.snapshots = snapshots;
        this.clockNanos = clockNanos;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.lastSealNanos = System.nanoTime() - config.batchIntervalNanos(); // the first batch need not wait
        for (int i = 0; i < SLOTS; i++) {
            free.add(new BatchSlot(config.batchEventsMax()));
        }
        sequencerThread = Thread.ofPlatform().name("dtenge-sequencer").unstarted(this::sequence);
        writerThread = Thread.ofPlatform().name("dtenge-journal").unstarted(this::write);
        syncerThread = Thread.ofPlatform().name("dtenge-sync").unstarted(this::sync);
        snapshotThread = Thread.ofPlatform().name("dtenge-snapshot").daemon().unstarted(this::writeSnapshots);
        sequencerThread.start();
        writerThread.start();
        syncerThread.start();
        snapshotThread.start();
    }

    /** The wall clock in nanoseconds since the epoch, for production use. */
    public static long wallClockNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Queues a submission. Returns false when the queue is full (back-pressure: retry later or tell
     * the client to); throws {@link SequencerStoppedException} when the sequencer has stopped.
     */
    public boolean offer(Submission submission) {
        checkRunning();
        if (submission.count() > config.batchEventsMax()) {
            throw new IllegalArgumentException("a submission holds at most " + config.batchEventsMax() + " events");
        }
        return queue.offer(submission);
    }

    /** Queues a submission, waiting for room. */
    public void submit(Submission submission) throws InterruptedException {
        while (!offer(submission)) {
            Thread.sleep(0, 50_000);
        }
    }

    private void checkRunning() {
        if (!running) {
            throw new SequencerStoppedException("the sequencer has stopped", failure);
        }
    }

    private void sequence() {
        BatchSlot slot = null;
        try {
            while (running || carried != null || !queue.isEmpty()) {
                runReads();
                Submission first = carried != null ? carried : queue.poll(200, TimeUnit.MICROSECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                slot = free.take();
                slot.clear();
                slot.add(first);
                if (failure != null) {
                    break; // failed below, with the queue
                }
                fill(slot);
                eventsSinceSnapshot += slot.eventCount();
                boolean snapshot = snapshots != SnapshotSink.NONE && config.snapshotEveryEvents() > 0
                        && eventsSinceSnapshot >= config.snapshotEveryEvents() && snapshotQueue.isEmpty();
                if (snapshot) {
                    eventsSinceSnapshot = 0;
                }
                slot.seal(ledger, clockNanos, snapshot);
                lastSealNanos = System.nanoTime();
                synchronized (this) {
                    inFlight = slot;
                }
                sealed.put(slot);
                slot = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            stop(e); // a broken invariant in the ledger: nothing more may be acknowledged
        } finally {
            if (slot != null) {
                slot.fail(new SequencerStoppedException("the sequencer has stopped", failure));
            }
            drainQueue();
        }
    }

    /**
     * Adds queued submissions until the batch is full, or the queue is empty and both the linger and
     * the batch interval since the previous seal are over.
     */
    private void fill(BatchSlot slot) throws InterruptedException {
        long now = System.nanoTime();
        long sealAt = config.lingerNanos() > 0 ? now + config.lingerNanos() : now;
        long spaced = lastSealNanos + config.batchIntervalNanos();
        if (spaced - sealAt > 0) {
            sealAt = spaced;
        }
        while (slot.eventCount() < config.batchEventsMax()) {
            Submission next = queue.poll();
            if (next == null) {
                long wait = sealAt - System.nanoTime();
                next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
            }
            if (next == null) {
                return;
            }
            if (!slot.fits(next)) {
                carried = next;
                return;
            }
            slot.add(next);
        }
    }

    /** The writer thread: Merkle root, CRCs and one write per batch, in order. */
    private void write() {
        try {
            while (true) {
                BatchSlot slot = sealed.poll(10, TimeUnit.MILLISECONDS);
                if (slot == null) {
                    if (!sequencerThread.isAlive() && sealed.isEmpty()) {
                        return;
                    }
                    continue;
                }
                if (failure == null) {
                    try {
                        slot.append(journal);
                    } catch (IOException | RuntimeException e) {
                        stop(e);
                    }
                }
                written.put(slot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The syncer thread: one fsync covers every batch written so far (group commit across batches
     * too), then their callers are acknowledged, in order.
     */
    private void sync() {
        java.util.List<BatchSlot> batch = new java.util.ArrayList<>(SLOTS);
        try {
            while (true) {
                BatchSlot first = written.poll(10, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!writerThread.isAlive() && written.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                written.drainTo(batch);
                boolean durable = failure == null && fsync();
                for (BatchSlot slot : batch) {
                    if (durable) {
                        slot.acknowledge();
                        slot.image().ifPresent(image -> snapshotQueue.offer(new Snapshot(image, slot.header())));
                    } else {
                        slot.fail(stopped());
                    }
                    answerReadsOf(slot);
                    free.put(slot);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean fsync() {
        try {
            journal.sync();
            return true;
        } catch (IOException | RuntimeException e) {
            stop(e);
            return false;
        }
    }

    /** The slot is durable (or failed): answer the reads that waited for it. */
    private void answerReadsOf(BatchSlot slot) {
        java.util.List<Runnable> answers;
        synchronized (this) {
            answers = slot.takeAnswers();
            if (inFlight == slot) {
                inFlight = null; // reads from now on see no batch waiting for its fsync
            }
        }
        for (Runnable answer : answers) {
            answer.run();
        }
    }

    private void writeSnapshots() {
        while (true) {
            try {
                Snapshot next = snapshotQueue.take();
                snapshots.write(next.image(), next.at());
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // A failed snapshot loses nothing (the journal has every batch); recovery just replays more.
                System.err.println("dtenge: snapshot failed, recovery will replay from an older one: " + e);
            }
        }
    }

    private synchronized void stop(Throwable cause) {
        if (failure == null) {
            failure = cause;
            System.err.println("dtenge: sequencer stopped: " + cause);
        }
        running = false;
    }

    private SequencerStoppedException stopped() {
        return new SequencerStoppedException("the journal failed; restart to recover", failure);
    }

    private void drainQueue() {
        SequencerStoppedException stopped = new SequencerStoppedException("the sequencer has stopped", failure);
        if (carried != null) {
            carried.fail(stopped);
            carried = null;
        }
        Submission s;
        while ((s = queue.poll()) != null) {
            s.fail(stopped);
        }
        Read<?> read;
        while ((read = reads.poll()) != null) {
            read.answer().completeExceptionally(stopped);
        }
    }

    /** Why the sequencer stopped, if it failed. */
    public java.util.Optional<Throwable> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /**
     * Stops accepting, finishes everything already queued (each acknowledged once durable), then stops
     * the threads. Does not close the journal.
     */
    @Override
    public void close() {
        running = false;
        try {
            sequencerThread.join();
            writerThread.join();
            syncerThread.join();
            snapshotThread.interrupt();
            snapshotThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
