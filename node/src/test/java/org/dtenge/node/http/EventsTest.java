package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.junit.jupiter.api.Test;

/** Server-sent events: an intermediary's app learns of an incoming payment without polling. */
class EventsTest extends EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens the event stream as {@code participant}; events arrive in the queue as (name, data). */
    private static BlockingQueue<String[]> open(String participant) throws Exception {
        return open(participant, Optional.empty());
    }

    /** Events arrive as (name, data, id). */
    private static BlockingQueue<String[]> open(String participant, Optional<String> lastEventId) throws Exception {
        ApiClient client = node.as(participant);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.node.port() + "/v1/events"));
        client.signedHeaders("GET", "/v1/events", new byte[0]).forEach(request::header);
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            String name = "";
            String id = "";
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name, line.substring(5).trim(), id});
                    id = "";
                }
            }
        });
        return events;
    }

    private static JsonNode next(BlockingQueue<String[]> events, String name) throws Exception {
        return JSON.readTree(nextEvent(events, name)[1]);
    }

    private static String[] nextEvent(BlockingQueue<String[]> events, String name) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String[] event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event[0].equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no " + name + " event within 10 s");
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrder() throws Exception {
        BlockingQueue<String[]> first = open("bcc");
        next(first, "ready");
        String before = Orders.id();
        node.as("bcc").post("/v1/cash-in", Map.of("id", before, "wallet", node.address("canteen"), "amount", "1.00"));
        String[] seen = nextEvent(first, "payment.incoming");
        assertThat(JSON.readTree(seen[1]).get("payment").asText()).isEqualTo(before);
        assertThat(seen[2]).isNotEmpty();
        // While the client is away (its old stream may still be open; it simply does not read it):
        java.util.List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = Orders.id();
            missed.add(id);
            assertThat(node.as("bcc").post("/v1/cash-in", Map.of("id", id, "wallet", node.address("canteen"), "amount",
                    "1.00")).status()).isEqualTo(201);
        }
        for (int i = 0; i < 3; i++) {
            nextEvent(first, "payment.incoming"); // all three are projected and published
        }
        BlockingQueue<String[]> again = open("bcc", Optional.of(seen[2]));
        next(again, "ready");
        for (String id : missed) {
            assertThat(next(again, "payment.incoming").get("payment").asText()).isEqualTo(id);
        }
        BlockingQueue<String[]> lost = open("bcc", Optional.of("1-in"));
        next(lost, "ready");
        assertThat(next(lost, "stream.gap").get("after").asText()).isEqualTo("1-in");
    }

    @Test
    void theReceivingIntermediaryIsToldOfAnIncomingPayment() throws Exception {
        BlockingQueue<String[]> kazpost = open("kazpost");
        BlockingQueue<String[]> halyk = open("halyk");
        assertThat(next(kazpost, "ready").get("participant").asText()).isEqualTo("kazpost");
        next(halyk, "ready");
        String id = Orders.id();
        ApiClient.Answer paid = node.as("halyk").post("/v1/payments", Orders.payment(node.key("aigerim"), id,
                node.address("aigerim"), node.address("nurlan"), "42.00"));
        assertThat(paid.status()).isEqualTo(200);
        JsonNode incoming = next(kazpost, "payment.incoming");
        assertThat(incoming.get("payment").asText()).isEqualTo(id);
        assertThat(incoming.get("wallet").asText()).isEqualTo(node.address("nurlan"));
        assertThat(incoming.get("counterparty").asText()).isEqualTo(node.address("aigerim"));
        assertThat(incoming.get("amount").asText()).isEqualTo("42.00");
        JsonNode outgoing = next(halyk, "payment.outgoing");
        assertThat(outgoing.get("payment").asText()).isEqualTo(id);
        // The event comes after the projection: the history already shows the payment.
        ApiClient.Answer history = node.as("kazpost").get("/v1/wallets/" + node.address("nurlan") + "/history?limit=1");
        assertThat(history.json().get("items").get(0).get("payment").asText()).isEqualTo(id);
    }

    @Test
    void walletEventsGoToTheServicerOnly() throws Exception {
        BlockingQueue<String[]> halyk = open("halyk");
        BlockingQueue<String[]> bcc = open("bcc");
        next(halyk, "ready");
        next(bcc, "ready");
        node.as("halyk").post("/v1/wallets/" + node.address("magnum") + "/freeze", "");
        assertThat(next(halyk, "wallet.frozen").get("wallet").asText()).isEqualTo(node.address("magnum"));
        node.as("halyk").post("/v1/wallets/" + node.address("magnum") + "/unfreeze", "");
        next(halyk, "wallet.unfrozen");
        node.as("bcc").post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", node.address("canteen"), "amount", "1.00"));
        next(bcc, "payment.incoming");
        for (String[] event : halyk) {
            assertThat(event[1]).doesNotContain(node.address("canteen"));
        }
    }

    @Test
    void anUnsignedStreamIs401() {
        ApiClient.Answer answer = node.anonymous().get("/v1/events");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("missing-credentials");
    }
}
