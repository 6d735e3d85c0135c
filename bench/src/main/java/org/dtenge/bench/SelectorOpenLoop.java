package org.dtenge.bench;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * The open loop of {@link OpenLoop} on two threads instead of hundreds: a dispatcher writes each
 * request, when due, to an idle kept-alive connection, and a reader waits on all connections with one
 * selector and reads the answers. The thread-per-request open loop cost 43-55 us of CPU per payment
 * (a hand-over and a wake-up of a sending thread on top of the socket calls), a quarter of what the
 * two cores spent at 10,000 payments/s; those cores are the node's.
 *
 * <p>Latency is measured as in {@link OpenLoop}: from the intended instant to the whole answer, so a
 * request that waited for a free connection is charged with the wait. At most {@code connections}
 * requests are in flight; they are opened before the clock starts.
 */
final class SelectorOpenLoop {
    private static final long NO_CONNECTION_RETRY_NANOS = 50_000;

    private SelectorOpenLoop() {}

    /** One kept-alive connection and the request it carries. */
    private static final class Connection {
        SelectorConnection io;
        /** The request in flight and when it was sent; written by the dispatcher before the write, read by the reader. */
        volatile int request = -1;
        volatile long sentNanos;
        volatile long sentEpochNanos;
    }

    static OpenLoop.Result run(String host, int port, List<Transport.Prepared> requests, OpenLoopSchedule schedule,
                               int connections, ToLongFunction<Transport.Answer> durable, int splitEvery,
                               long abandonAtNanos) throws IOException, InterruptedException {
        LoadTally tally = new LoadTally();
        Histogram lag = new Histogram(60_000_000_000L, 3);
        ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
        List<Connection> all = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < connections; c++) {
                Connection connection = new Connection();
                connection.io = SelectorConnection.open(host, port, selector, connection);
                all.add(connection);
                idle.add(connection);
            }
            long start = System.nanoTime() + 20_000_000;
            Thread reader = Thread.ofPlatform().name("bench-open-reader").start(() -> {
                long cpu = LoadTally.threadCpuNanos();
                try {
                    while (finished.get() < requests.size()) {
                        selector.select(100);
                        for (SelectionKey key : selector.selectedKeys()) {
                            Connection connection = (Connection) key.attachment();
                            if (read(connection, start, schedule, tally, durable, splitEvery)) {
                                finished.incrementAndGet();
                                idle.add(connection);
                            }
                        }
                        selector.selectedKeys().clear();
                    }
                } catch (IOException e) {
                    tally.failed(e);
                }
                tally.clientThreadEnds(cpu);
            });
            dispatch(requests, schedule, start, abandonAtNanos, splitEvery, idle, lag, tally, finished);
            reader.join();
            return new OpenLoop.Result(tally, System.nanoTime() - start, lag);
        } finally {
            for (Connection connection : all) {
                connection.io.channel.close();
            }
        }
    }

    /** On the caller's thread (the bench's main thread, which the CPU breakdown counts as the load generator's). */
    private static void dispatch(List<Transport.Prepared> requests, OpenLoopSchedule schedule, long start, long abandonAtNanos,
                                 int splitEvery, ConcurrentLinkedQueue<Connection> idle, Histogram lag, LoadTally tally,
                                 AtomicInteger finished) {
        ArrayDeque<Integer> waiting = new ArrayDeque<>();
        int next = 0;
        while (next < requests.size() || !waiting.isEmpty()) {
            long elapsed = System.nanoTime() - start;
            long dueNow = Math.min(requests.size(), schedule.dueBy(elapsed));
            for (; next < dueNow; next++) {
                lag.recordValue(Math.max(0, elapsed - schedule.offsetNanos(next)));
                waiting.add(next);
            }
            while (!waiting.isEmpty()) {
                int i = waiting.peek();
                if (System.nanoTime() - abandonAtNanos > 0) {
                    waiting.poll();
                    tally.abandoned(System.nanoTime() - (start + schedule.offsetNanos(i)));
                    finished.incrementAndGet();
                    continue;
                }
                Connection connection = idle.poll();
                if (connection == null) {
                    break;
                }
                waiting.poll();
                send(connection, i, requests.get(i).wire(), splitEvery > 0 && i % splitEvery == 0, tally, finished);
            }
            long wait = !waiting.isEmpty() ? NO_CONNECTION_RETRY_NANOS
                    : next < requests.size() ? schedule.offsetNanos(next) - (System.nanoTime() - start) : 0;
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static void send(Connection connection, int i, byte[] wire, boolean split, LoadTally tally, AtomicInteger finished) {
        connection.sentEpochNanos = split ? LoadTally.epochNanos() : 0;
        connection.sentNanos = System.nanoTime();
        connection.request = i; // last: the reader reads it first
        try {
            connection.io.write(wire);
        } catch (IOException e) {
            tally.failed(e);
            finished.incrementAndGet();
        }
    }

    /** Reads what arrived; whether it completed the connection's answer (recorded in the tally). */
    private static boolean read(Connection connection, long start, OpenLoopSchedule schedule, LoadTally tally,
                                ToLongFunction<Transport.Answer> durable, int splitEvery) throws IOException {
        Http1Answer answer = connection.io.readAnswer();
        if (answer == null) {
            return false; // not all of it yet
        }
        long now = System.nanoTime();
        int i = connection.request;
        Transport.Answer result = new Transport.Answer(answer.status(), answer.body());
        tally.timedAt(schedule.offsetNanos(i), now - (start + schedule.offsetNanos(i)), now - connection.sentNanos);
        tally.answered(result, answer.status() / 100 == 2 ? durable.applyAsLong(result) : 0);
        if (splitEvery > 0 && i % splitEvery == 0) {
            tally.splitAtSeal(result, connection.sentEpochNanos, LoadTally.epochNanos());
        }
        return true;
    }
}
