package org.dtenge.bench;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The closed loop of {@link ClosedLoop} on one thread: {@code clients} kept-alive connections, each
 * with one request in flight, and a selector over all of them; when an answer is whole, the next
 * request goes out on the same connection. To the node it is the same load (as many connections, each
 * waiting for its answer before it sends again); to the two cores it is cheaper, with no thread woken
 * per answer. Latency is from send to whole answer. Runs on the caller's thread (the bench's main
 * thread, which the CPU breakdown counts as the load generator's).
 */
final class SelectorClosedLoop {
    private SelectorClosedLoop() {}

    /** A connection and what it carries. */
    private static final class Client {
        SelectorConnection io;
        int request;
        long sentNanos;
        long sentEpochNanos;
    }

    static ClosedLoop.Result run(String host, int port, List<Transport.Prepared> pool, int clients, long durationNanos,
                                 ToLongFunction<Transport.Answer> durable, int splitEvery) throws IOException {
        LoadTally tally = new LoadTally();
        List<Client> all = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < clients; c++) {
                Client client = new Client();
                client.io = SelectorConnection.open(host, port, selector, client);
                all.add(client);
            }
            long start = System.nanoTime();
            long deadline = start + durationNanos;
            int next = 0;
            int inFlight = 0;
            boolean exhausted = false;
            for (Client client : all) {
                if (next < pool.size()) {
                    send(client, next++, pool, splitEvery);
                    inFlight++;
                }
            }
            while (inFlight > 0) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    Http1Answer answer;
                    try {
                        answer = client.io.readAnswer();
                    } catch (IOException e) {
                        tally.failed(e); // counted as a transport failure, as the thread-per-client loop does
                        inFlight--;
                        key.cancel();
                        client.io.channel.close();
                        continue;
                    }
                    if (answer == null) {
                        continue; // not all of it yet
                    }
                    inFlight--;
                    long took = System.nanoTime() - client.sentNanos;
                    Transport.Answer result = new Transport.Answer(answer.status(), answer.body());
                    tally.timed(took, took);
                    tally.answered(result, answer.status() / 100 == 2 ? durable.applyAsLong(result) : 0);
                    if (splitEvery > 0 && client.request % splitEvery == 0) {
                        tally.splitAtSeal(result, client.sentEpochNanos, LoadTally.epochNanos());
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        continue;
                    }
                    if (next >= pool.size()) {
                        exhausted = true;
                        continue;
                    }
                    try {
                        send(client, next++, pool, splitEvery);
                        inFlight++;
                    } catch (IOException e) {
                        tally.failed(e);
                        key.cancel();
                        client.io.channel.close();
                    }
                }
                selector.selectedKeys().clear();
            }
            return new ClosedLoop.Result(tally, System.nanoTime() - start, next, exhausted);
        } finally {
            for (Client client : all) {
                client.io.channel.close();
            }
        }
    }

    private static void send(Client client, int i, List<Transport.Prepared> pool, int splitEvery) throws IOException {
        client.request = i;
        client.sentEpochNanos = splitEvery > 0 && i % splitEvery == 0 ? LoadTally.epochNanos() : 0;
        client.sentNanos = System.nanoTime();
        client.io.write(pool.get(i).wire());
    }
}
