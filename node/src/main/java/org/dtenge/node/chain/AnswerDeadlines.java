package org.dtenge.node.chain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Gives up on answers from the ledger that take longer than the answer timeout, for all waiting
 * requests from one thread. A request thread that waited with a timeout of its own
 * ({@code future.get(timeout)}) made the JVM schedule and cancel a timer for every payment: about
 * 10 µs of CPU each on the virtual threads' delay scheduler, 4 % of a payment. Here a request adds
 * one entry to a queue and waits without a timeout; this thread looks at the queue every
 * {@code tick} and fails the futures whose time is up with {@link AnswerTimedOut}.
 *
 * <p>Entries are in the order they were added, which is the order of their deadlines, since every
 * deadline is the same timeout after its entry was added. An entry stays until its future is done or
 * its time is up, so at most the rate of requests times the timeout of them are held.
 */
final class AnswerDeadlines implements AutoCloseable {
    /** How late, at most, a timed-out request is told so, as a share of the timeout. */
    private static final int TICKS_PER_TIMEOUT = 20;
    private static final long TICK_NANOS_MAX = 100_000_000L;

    private record Waiting(long deadlineNanos, CompletableFuture<?> future) {}

    /** The failure that a timed-out future completes with. */
    static final class AnswerTimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        AnswerTimedOut(Duration timeout) {
            super("no answer within " + timeout, null, false, false);
        }
    }

    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final Duration timeout;
    private final long timeoutNanos;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean closed;

    AnswerDeadlines(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.tickNanos = Math.max(1, Math.min(TICK_NANOS_MAX, timeoutNanos / TICKS_PER_TIMEOUT));
        this.thread = Thread.ofPlatform().daemon().name("dtenge-answer-deadlines").start(this::run);
    }

    /** Fails {@code future} with {@link AnswerTimedOut} if it is not done within the timeout from now. */
    void watch(CompletableFuture<?> future) {
        queue.add(new Waiting(System.nanoTime() + timeoutNanos, future));
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(tickNanos);
            expire(System.nanoTime());
        }
    }

    /** Drops the entries at the head that are done and fails those whose time is up, up to the first still running in time. */
    void expire(long nowNanos) {
        Waiting head;
        while ((head = queue.peek()) != null) {
            if (!head.future().isDone() && nowNanos - head.deadlineNanos() < 0) {
                return;
            }
            queue.poll();
            if (!head.future().isDone()) {
                head.future().completeExceptionally(new AnswerTimedOut(timeout));
            }
        }
    }

    /** Stops watching; futures still waiting are not failed (the sequencer, closed first, has settled them all). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
