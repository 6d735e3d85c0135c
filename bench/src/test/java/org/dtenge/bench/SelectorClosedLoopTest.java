package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one-thread closed loop against a small HTTP server: each client one request at a time, every answer counted. */
class SelectorClosedLoopTest {
    @Test
    void eachClientKeepsOneRequestInFlightAndEveryAnswerIsCounted() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            seen.put(exchange.getRequestURI().getPath(), true);
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("7") ? 409 : 200, body.length);
            inFlight.decrementAndGet();
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<Transport.Prepared> pool = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pool.add(new Transport.Prepared(null, ("GET /r" + i + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
            }
            ClosedLoop.Result result = SelectorClosedLoop.run("127.0.0.1", server.getAddress().getPort(), pool, 4,
                    60_000_000_000L, a -> 1, 0);
            assertThat(result.exhausted()).isTrue(); // the pool ran out long before the minute
            assertThat(result.sent()).isEqualTo(200);
            assertThat(result.tally().answers()).isEqualTo(200);
            assertThat(result.tally().statuses()).containsEntry(200, 180L).containsEntry(409, 20L);
            assertThat(result.tally().durable()).isEqualTo(180);
            assertThat(result.tally().failures()).isZero();
            assertThat(seen).hasSize(200);
            assertThat(mostInFlight.get()).isBetween(1, 4);
        } finally {
            server.stop(0);
        }
    }
}
