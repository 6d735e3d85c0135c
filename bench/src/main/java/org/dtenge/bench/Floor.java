package org.dtenge.bench;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dtenge.node.auth.Signatures;
import org.dtenge.node.auth.SigningKey;

/**
 * What one request per payment can reach on this machine at best: a server that does nothing but
 * read a payment-sized request, verify one Ed25519 signature and answer, under the same client and
 * closed loop as {@link HttpBench}. No ledger, no journal, no projection, no JSON. If this floor is
 * below a target, no node can meet that target on this machine with the load generator beside it.
 *
 * <p>{@code floor [--server helidon|sockets] [--verify true|false] [--clients C] [--duration S]}
 */
final class Floor {
    private static final byte[] ANSWER = "{\"status\":\"committed\"}".getBytes(StandardCharsets.US_ASCII);

    private Floor() {}

    static void run(String[] args) throws Exception {
        String server = "helidon";
        boolean verify = true;
        int clients = 64;
        int duration = 10;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value: " + String.join(" ", args));
        }
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--server" -> server = args[i + 1];
                case "--verify" -> verify = Boolean.parseBoolean(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SigningKey key = SigningKey.generate(new java.security.SecureRandom());
        byte[] message = new byte[150];
        new java.util.Random(1).nextBytes(message);
        byte[] signature = key.sign(message);
        byte[] publicKey = key.publicKey();
        boolean verifying = verify;
        AtomicLong failures = new AtomicLong();
        Runnable work = () -> { // on the request's thread, as the node did before 2026-12-03's last change
            if (verifying && !Signatures.verify(publicKey, message, signature)) {
                failures.incrementAndGet();
            }
        };
        try (Server running = "sockets".equals(server) ? new SocketServer(work) : new HelidonServer(work);
             SocketTransport transport = new SocketTransport("127.0.0.1", running.port())) {
            Transport.Prepared request = transport.prepare(request());
            ClosedLoop.run(transport, i -> java.util.Optional.of(request), clients, 5_000_000_000L, a -> 1, 0);
            long cpuBefore = processCpuNanos();
            ClosedLoop.Result result = ClosedLoop.run(transport, i -> java.util.Optional.of(request), clients,
                    duration * 1_000_000_000L, a -> 1, 0);
            long cpu = processCpuNanos() - cpuBefore;
            double seconds = result.elapsedNanos() / 1e9;
            System.out.printf("floor: server %s, verify %s (%s), %d clients, %d s: %,.0f requests/s, "
                            + "%.1f µs CPU per request (client and server), p99 %.2f ms, failures %d%n",
                    server, verify, Signatures.implementation(), clients, duration, result.sent() / seconds,
                    cpu / 1e3 / result.sent(), result.tally().latency.getValueAtPercentile(99) / 1e6, failures.get());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A payment request's size: about 330 bytes of JSON and four authentication headers. */
    private static SignedRequest request() {
        byte[] body = ("{\"id\":\"" + "ab".repeat(16) + "\",\"payer\":\"" + "A".repeat(20) + "\",\"payee\":\""
                + "B".repeat(20) + "\",\"amount\":\"25.00\",\"expiresAt\":1795000000000,\"signature\":\""
                + "s".repeat(86) + "\"}").getBytes(StandardCharsets.US_ASCII);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Dtenge-Participant", "bank-1");
        headers.put("X-Dtenge-Session", "c".repeat(22));
        headers.put("X-Dtenge-Timestamp", "1795000000000");
        headers.put("X-Dtenge-Signature", "m".repeat(43));
        return new SignedRequest("POST", "/v1/payments", body, headers, SignedRequest.JSON);
    }

    private interface Server extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    private static final class HelidonServer implements Server {
        private final WebServer server;

        HelidonServer(Runnable work) {
            server = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(HttpRouting.builder().post("/v1/payments", (request, response) -> {
                        request.content().as(byte[].class);
                        work.run();
                        response.header("Content-Type", "application/json").send(ANSWER);
                    }))
                    .build().start();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Blocking sockets, a virtual thread per connection, just enough HTTP/1.1 for the client above. */
    private static final class SocketServer implements Server {
        private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + ANSWER.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket socket;

        SocketServer(Runnable work) throws IOException {
            socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        connection.setTcpNoDelay(true);
                        Thread.ofVirtual().start(() -> serve(connection, work));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void serve(Socket connection, Runnable work) {
            byte[] answer = new byte[HEAD.length + ANSWER.length];
            System.arraycopy(HEAD, 0, answer, 0, HEAD.length);
            System.arraycopy(ANSWER, 0, answer, HEAD.length, ANSWER.length);
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
                OutputStream out = connection.getOutputStream();
                while (true) {
                    int length = contentLength(in);
                    if (length < 0) {
                        return;
                    }
                    in.readNBytes(length);
                    work.run();
                    out.write(answer);
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        /** Reads the head up to its blank line; the Content-Length, or -1 at the end of the stream. */
        private static int contentLength(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int length = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                if (b == '\n') {
                    if (line.isEmpty()) {
                        return length;
                    }
                    String text = line.toString();
                    if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(text.substring(15).trim());
                    }
                    line.setLength(0);
                } else if (b != '\r') {
                    line.append((char) b);
                }
            }
        }

        @Override
        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing at the end of the run
            }
        }
    }
}
