package org.dtenge.node.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;

/**
 * Checks payment signatures off the sequencer, on platform threads of its own (one per core by
 * default). A batch of 8,190 signed transfers takes about 0.3 s on one core with BouncyCastle, so it is
 * split into one slice per thread.
 *
 * <p>A single payment's signature is checked here too, on a second set of threads, rather than on the
 * request's thread: there, between requests, the HTTP server's and the node's code pushed libsodium's
 * out of the core's caches, and a check cost 66 us of CPU under load against 36 us in a loop. On
 * threads that do nothing else it cost 44 us, and the whole payment 166 us instead of 210 (see
 * docs/benchmarks.md). Those threads are not the batches': a payment never waits behind a batch's slices.
 */
public final class SignatureVerifier implements AutoCloseable {
    private final ExecutorService pool;
    private final ExecutorService single;
    private final int threads;

    public SignatureVerifier(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dtenge-verifier-", 0).daemon().factory());
        this.single = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dtenge-verifier-one-", 0).daemon().factory());
    }

    /** Whether one signature verifies; the calling thread waits for the answer. */
    public boolean verify(Check check) {
        return await(submit(single, check::verifies));
    }

    /** One signature to check. */
    public record Check(byte[] publicKey, byte[] message, byte[] signature) {
        boolean verifies() {
            return org.dtenge.node.auth.Signatures.verify(publicKey, message, signature);
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
                for (int i = start; i < end; i++) {
                    valid[i] = checks.get(i).verifies();
                }
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
            throw NodeException.of(ProblemType.UNAVAILABLE, "the node is stopping");
        }
    }

    private static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeException.of(ProblemType.UNAVAILABLE, "interrupted while verifying signatures");
        } catch (ExecutionException e) {
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "signature verification failed: " + e.getCause()), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        single.shutdownNow();
    }
}
