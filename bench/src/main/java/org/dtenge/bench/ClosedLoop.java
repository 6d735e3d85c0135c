package org.dtenge.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * {@code clients} threads, each sending one request, waiting for its answer, and sending the next,
 * until the time is up or the requests run out (a run that runs out of pre-signed requests stops early
 * and says so). Latency is from send to whole answer. The clients are platform threads so that the
 * virtual-thread carriers' CPU time is the node's alone.
 */
final class ClosedLoop {
    private ClosedLoop() {}

    record Result(LoadTally tally, long elapsedNanos, int sent, boolean exhausted) {}

    /**
     * @param durable    how many durable items an answer stands for (1 for a payment answered 200)
     * @param splitEvery every how many requests one is timed around its batch's sealing (0: none)
     */
    static Result run(Transport transport, List<Transport.Prepared> pool, int clients, long durationNanos,
                      ToLongFunction<Transport.Answer> durable, int splitEvery) throws InterruptedException {
        Result result = run(transport, i -> i < pool.size() ? Optional.of(pool.get(i)) : Optional.empty(), clients,
                durationNanos, durable, splitEvery);
        return new Result(result.tally(), result.elapsedNanos(), Math.min(result.sent(), pool.size()), result.exhausted());
    }

    /** The same with requests made as they are needed: {@code source} gives request i, or none when there are no more. */
    static Result run(Transport transport, IntFunction<Optional<Transport.Prepared>> source, int clients, long durationNanos,
                      ToLongFunction<Transport.Answer> durable, int splitEvery) throws InterruptedException {
        LoadTally tally = new LoadTally();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean exhausted = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long cpu = LoadTally.threadCpuNanos();
                while (System.nanoTime() < deadline[0]) {
                    int i = next.getAndIncrement();
                    Optional<Transport.Prepared> request = source.apply(i);
                    if (request.isEmpty()) {
                        exhausted.set(true);
                        break;
                    }
                    send(transport, request.get(), tally, durable, splitEvery > 0 && i % splitEvery == 0);
                }
                tally.clientThreadEnds(cpu);
            }));
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + durationNanos; // published to the clients by the latch
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        return new Result(tally, elapsed, next.get(), exhausted.get());
    }

    static void send(Transport transport, Transport.Prepared request, LoadTally tally, ToLongFunction<Transport.Answer> durable,
                     boolean split) {
        long sentEpoch = split ? LoadTally.epochNanos() : 0;
        long sent = System.nanoTime();
        try {
            Transport.Answer answer = transport.send(request);
            long took = System.nanoTime() - sent;
            tally.timed(took, took);
            tally.answered(answer, answer.status() / 100 == 2 ? durable.applyAsLong(answer) : 0);
            if (split) {
                tally.splitAtSeal(answer, sentEpoch, LoadTally.epochNanos());
            }
        } catch (IOException e) {
            tally.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
