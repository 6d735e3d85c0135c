package org.dtenge.node.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.Signatures;

/**
 * Checks payment signatures off the sequencer, on platform threads of its own (one per core by
 * default). A batch of 8,190 signed transfers is split into one slice per thread.
 *
 * <p>Single payments' signatures are checked here too, on a second set of threads, rather than on the
 * request's thread: there, between requests, the HTTP server's and the node's code pushed the verifier
 * out of the core's caches, and a check cost 66 us of CPU under load against 36 us in a loop (see
 * docs/benchmarks.md). Those threads are not the batches': a payment never waits behind a batch's
 * slices. They take the payments' signatures that are waiting, up to {@link Signatures#BATCH_SIZE}, and
 * check them together ({@link Signatures#verifyAll}): eight at once cost about 20 us each, against 36 us
 * for one alone. One thread at a time collects a batch, waiting up to {@code linger} after the first
 * signature arrived for more to join it; the others check the batches already collected.
 */
public final class SignatureVerifier implements AutoCloseable {
    private final ExecutorService pool;
    private final int threads;
    private final long lingerNanos;
    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final ReentrantLock collecting = new ReentrantLock();
    private final List<Thread> singles = new ArrayList<>();
    private final LongAdder singleChecks = new LongAdder();
    private final LongAdder singleBatches = new LongAdder();
    private volatile boolean closed;

    public SignatureVerifier(int threads) {
        this(threads, Duration.ZERO);
    }

    /**
     * @param threads threads for batches of transfers, and as many for single payments
     * @param linger  how long a single payment's signature may wait for others to be checked with it
     */
    public SignatureVerifier(int threads, Duration linger) {
        this.threads = threads;
        this.lingerNanos = linger.toNanos();
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dtenge-verifier-", 0).daemon().factory());
        for (int i = 0; i < threads; i++) {
            singles.add(Thread.ofPlatform().name("dtenge-verifier-one-" + i).daemon().start(this::checkSingles));
        }
    }

    /** One signature to check. */
    public record Check(byte[] publicKey, byte[] message, byte[] signature) {}

    private record Pending(Check check, long arrivedNanos, CompletableFuture<Boolean> answer) {}

    /** Whether one signature verifies; the calling thread waits for the answer. */
    public boolean verify(Check check) {
        Pending pending = new Pending(check, System.nanoTime(), new CompletableFuture<>());
        waiting.add(pending);
        if (closed && waiting.remove(pending)) {
            throw stopping();
        }
        return await(pending.answer());
    }

    /** Signatures of single payments checked so far (a metric). */
    public long singlesChecked() {
        return singleChecks.sum();
    }

    /** The batches those signatures were checked in (a metric). */
    public long singleBatches() {
        return singleBatches.sum();
    }

    private void checkSingles() {
        List<Pending> batch = new ArrayList<>(Signatures.BATCH_SIZE);
        try {
            while (!closed) {
                collect(batch);
                try {
                    check(batch);
                } catch (RuntimeException e) {
                    batch.forEach(pending -> pending.answer().completeExceptionally(e));
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } finally {
            batch.forEach(pending -> pending.answer().completeExceptionally(stopping()));
        }
    }

    private void check(List<Pending> batch) {
        int n = batch.size();
        byte[][] keys = new byte[n][];
        byte[][] messages = new byte[n][];
        byte[][] signatures = new byte[n][];
        for (int i = 0; i < n; i++) {
            Check check = batch.get(i).check();
            keys[i] = check.publicKey();
            messages[i] = check.message();
            signatures[i] = check.signature();
        }
        boolean[] valid = Signatures.verifyAll(keys, messages, signatures);
        singleChecks.add(n); // before the answers, so that whoever has an answer sees it counted
        singleBatches.increment();
        for (int i = 0; i < n; i++) {
            batch.get(i).answer().complete(valid[i]);
        }
    }

    /** The next batch: what is waiting, and what arrives until {@code linger} after the first arrived. */
    private void collect(List<Pending> batch) throws InterruptedException {
        collecting.lockInterruptibly();
        try {
            Pending first = waiting.take();
            batch.add(first);
            waiting.drainTo(batch, Signatures.BATCH_SIZE - batch.size());
            long deadline = first.arrivedNanos() + lingerNanos;
            while (batch.size() < Signatures.BATCH_SIZE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Pending next = waiting.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
                waiting.drainTo(batch, Signatures.BATCH_SIZE - batch.size());
            }
        } finally {
            collecting.unlock();
        }
    }

    /** Whether each signature verifies, in order. */
    public boolean[] verify(List<Check> checks) {
        boolean[] valid = new boolean[checks.size()];
        if (checks.isEmpty()) {
            return valid;
        }
        int slices = Math.min(threads, checks.size());
        int size = (checks.size() + slices - 1) / slices;
        List<Future<Boolean>> running = new ArrayList<>();
        for (int from = 0; from < checks.size(); from += size) {
            int start = from;
            int end = Math.min(checks.size(), from + size);
            running.add(submit(pool, () -> {
                int n = end - start;
                byte[][] keys = new byte[n][];
                byte[][] messages = new byte[n][];
                byte[][] signatures = new byte[n][];
                for (int i = 0; i < n; i++) {
                    Check check = checks.get(start + i);
                    keys[i] = check.publicKey();
                    messages[i] = check.message();
                    signatures[i] = check.signature();
                }
                System.arraycopy(Signatures.verifyAll(keys, messages, signatures), 0, valid, start, n);
                return true;
            }));
        }
        for (Future<Boolean> slice : running) {
            await(slice); // the futures' completion orders the writes to valid[] before our reads
        }
        return valid;
    }

    private static <T> Future<T> submit(ExecutorService threads, Callable<T> task) {
        try {
            return threads.submit(task);
        } catch (RejectedExecutionException e) {
            throw stopping();
        }
    }

    private static NodeException stopping() {
        return NodeException.of(ProblemType.UNAVAILABLE, "the node is stopping");
    }

    private static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeException.of(ProblemType.UNAVAILABLE, "interrupted while verifying signatures");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NodeException stopping) {
                throw stopping;
            }
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "signature verification failed: " + e.getCause()), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        singles.forEach(Thread::interrupt);
        for (Thread single : singles) {
            try {
                single.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Pending pending; (pending = waiting.poll()) != null; ) {
            pending.answer().completeExceptionally(stopping());
        }
    }
}
