package org.dtenge.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Sends request i at its intended instant ({@link OpenLoopSchedule}) whether or not earlier answers
 * have come: a dispatcher hands each request, when due, to a pool of sending threads (for the JDK
 * client; the socket client uses {@link SelectorOpenLoop}, the same on two threads). Latency runs
 * from the intended instant to the whole answer, so a request that waited for a free sender, or for
 * a dispatcher that fell behind, is charged with that wait.
 *
 * <p>The requests were signed before the run, and the node refuses a signature older than its clock
 * skew (60 s): a request still waiting for a sender at {@code abandonAtNanos} is not sent but counted
 * as abandoned, with the lateness it had reached recorded as its latency (a lower bound).
 */
final class OpenLoop {
    private static final int STOP = -1;

    private OpenLoop() {}

    /** @param dispatchLag how late the dispatcher handed each request over, against its intended instant */
    record Result(LoadTally tally, long elapsedNanos, Histogram dispatchLag) {}

    static Result run(Transport transport, List<Transport.Prepared> requests, OpenLoopSchedule schedule, int workers,
                      ToLongFunction<Transport.Answer> durable, int splitEvery, long abandonAtNanos) throws InterruptedException {
        LoadTally tally = new LoadTally();
        Histogram lag = new Histogram(60_000_000_000L, 3);
        BlockingQueue<Integer> due = new ArrayBlockingQueue<>(requests.size() + workers);
        long start = System.nanoTime() + 20_000_000; // the workers are up by then
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("bench-open-" + w).start(() -> {
                long cpu = LoadTally.threadCpuNanos();
                try {
                    for (int i = due.take(); i != STOP; i = due.take()) {
                        if (System.nanoTime() - abandonAtNanos > 0) {
                            tally.abandoned(System.nanoTime() - (start + schedule.offsetNanos(i)));
                            continue;
                        }
                        boolean split = splitEvery > 0 && i % splitEvery == 0;
                        long sentEpoch = split ? LoadTally.epochNanos() : 0;
                        long sent = System.nanoTime();
                        try {
                            Transport.Answer answer = transport.send(requests.get(i));
                            long now = System.nanoTime();
                            tally.timedAt(schedule.offsetNanos(i), now - (start + schedule.offsetNanos(i)), now - sent);
                            tally.answered(answer, answer.status() / 100 == 2 ? durable.applyAsLong(answer) : 0);
                            if (split) {
                                tally.splitAtSeal(answer, sentEpoch, LoadTally.epochNanos());
                            }
                        } catch (IOException e) {
                            tally.failed(e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                tally.clientThreadEnds(cpu);
            }));
        }
        int next = 0;
        while (next < requests.size()) {
            long elapsed = System.nanoTime() - start;
            long dueNow = Math.min(requests.size(), schedule.dueBy(elapsed));
            for (; next < dueNow; next++) {
                lag.recordValue(Math.max(0, elapsed - schedule.offsetNanos(next)));
                due.add(next);
            }
            if (next < requests.size()) {
                long wait = schedule.offsetNanos(next) - (System.nanoTime() - start);
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        for (int w = 0; w < workers; w++) {
            due.add(STOP);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(tally, System.nanoTime() - start, lag);
    }
}
