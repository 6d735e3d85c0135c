package org.dtenge.cards.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.gateway.Frames;
import org.dtenge.cards.iso8583.Decoded;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;
import org.dtenge.cards.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization latency over TCP, open loop: 0100 messages sent on a fixed schedule (default 2,000 a
 * second) over a few connections, whatever the answers do, and each latency measured from when the
 * message was due, not when it went out (so a stall is not hidden: no coordinated omission). Every
 * answer must be 00; messages carry the acquirers' MAC, as every acquirer's must. Run with
 * {@code ./mvnw -pl cards -am verify -Dtest=AuthorizationLatencyBench -Dcards.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dcards.bench.rate=N -Dcards.bench.seconds=S} to change the load.
 */
@EnabledIfSystemProperty(named = "cards.bench", matches = "true")
class AuthorizationLatencyBench {
    private static final int CONNECTIONS = 4;
    private static final int CARDS = 64;

    @TempDir
    Path dir;

    @Test
    void authorizationsAtAFixedRate() throws Exception {
        int rate = Integer.getInteger("cards.bench.rate", 2_000);
        int seconds = Integer.getInteger("cards.bench.seconds", 20);
        int warmupSeconds = Integer.getInteger("cards.bench.warmup", 5);
        try (CardsFixture f = CardsFixture.start(dir, 3600, java.util.Map.of("ledger.accounts-expected", "4096",
                "ledger.transfers-expected", Integer.toString(rate * (seconds + warmupSeconds) + 10_000)))) {
            List<String> pans = new ArrayList<>();
            for (int i = 0; i < CARDS; i++) {
                pans.add(f.card("20000.00").pan());
            }
            Histogram histogram = new Histogram(10_000_000_000L, 3);
            ConcurrentHashMap<String, Long> due = new ConcurrentHashMap<>();
            AtomicLong approved = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            List<Socket> sockets = new ArrayList<>();
            List<OutputStream> outs = new ArrayList<>();
            List<Terminal> terminals = new ArrayList<>();
            long[] measureFrom = {Long.MAX_VALUE};
            for (int c = 0; c < CONNECTIONS; c++) {
                Socket socket = new Socket("127.0.0.1", f.gatewayPort);
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                outs.add(new BufferedOutputStream(socket.getOutputStream()));
                terminals.add(Terminal.offline(java.util.Optional.of(f.mac()), String.format("BENCH%03d", c), Terminal.Kind.POS,
                        "398"));
                int connection = c;
                Thread.ofPlatform().daemon().start(() -> read(socket, connection, due, histogram, approved, refused, measureFrom));
            }
            MessageCodec codec = MessageCodec.iso87Ascii();
            long total = (long) rate * (seconds + warmupSeconds);
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime() + 100_000_000L;
            measureFrom[0] = start + warmupSeconds * 1_000_000_000L;
            for (long i = 0; i < total; i++) {
                long when = start + i * intervalNanos;
                long wait;
                while ((wait = when - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                int c = (int) (i % CONNECTIONS);
                Terminal terminal = terminals.get(c);
                IsoMessage request = terminal.financial("0100", pans.get((int) (i % CARDS)), 100, 398, terminal.newRrn());
                due.put(c + ":" + request.field(11).orElseThrow(), when);
                OutputStream out = outs.get(c);
                Frames.write(out, terminal.seal(request));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!due.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            sockets.forEach(s -> {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing
                }
            });
            System.out.printf("cards authorization latency, open loop: %d/s for %d s after %d s warm-up, %d connections, %d cards%n",
                    rate, seconds, warmupSeconds, CONNECTIONS, CARDS);
            System.out.printf("  measured %d, approved %d (all), refused %d, unanswered %d%n", histogram.getTotalCount(),
                    approved.get(), refused.get(), due.size());
            System.out.printf("  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(90) / 1e6,
                    histogram.getValueAtPercentile(99) / 1e6, histogram.getValueAtPercentile(99.9) / 1e6,
                    histogram.getMaxValue() / 1e6);
            assertThat(refused.get()).isZero();
            assertThat(due).isEmpty();
        }
    }

    private static void read(Socket socket, int connection, ConcurrentHashMap<String, Long> due, Histogram histogram,
                             AtomicLong approved, AtomicLong refused, long[] measureFrom) {
        MessageCodec codec = MessageCodec.iso87Ascii();
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                Optional<byte[]> frame = Frames.read(in);
                long now = System.nanoTime();
                if (frame.isEmpty()) {
                    return;
                }
                IsoMessage response = ((Decoded.Valid) codec.decode(frame.get())).message();
                Long when = due.remove(connection + ":" + response.field(11).orElseThrow());
                if (when == null) {
                    continue;
                }
                if (response.field(39).orElse("").equals("00")) {
                    approved.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                if (when >= measureFrom[0]) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.max(0, now - when));
                    }
                }
            }
        } catch (IOException e) {
            // the socket was closed at the end
        }
    }
}
