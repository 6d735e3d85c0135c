package org.dtenge.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dtenge.cards.card.KeyFile;
import org.dtenge.cards.card.Pan;
import org.dtenge.cards.gateway.MessageMac;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.cards.terminal.TerminalConnection;
import org.dtenge.node.ApiClient;
import org.dtenge.node.Orders;
import org.dtenge.node.TestNode;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;

/** A real node with the cards extension (found on the class path), and helpers to make wallets, cards and terminals. */
public final class CardsFixture implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong NEXT_PAN = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final TestNode node;
    public final ApiClient halyk;
    public final int gatewayPort;

    private CardsFixture(TestNode node) throws IOException {
        this.node = node;
        this.halyk = node.as("halyk");
        this.gatewayPort = Integer.parseInt(Files.readString(node.data.resolve("cards.port")).trim());
    }

    /** Starts a node on {@code dir} with the gateway on a free port and holds lasting {@code holdSeconds}. */
    public static CardsFixture start(Path dir, int holdSeconds) throws IOException {
        System.setProperty("dtenge.cards.port", "0");
        System.setProperty("dtenge.cards.hold-timeout-seconds", Integer.toString(holdSeconds));
        return new CardsFixture(TestNode.start(dir));
    }

    /** The same, with node settings of the caller's (table sizes for a benchmark). */
    public static CardsFixture start(Path dir, int holdSeconds, Map<String, String> settings) throws IOException {
        System.setProperty("dtenge.cards.port", "0");
        System.setProperty("dtenge.cards.hold-timeout-seconds", Integer.toString(holdSeconds));
        return new CardsFixture(new TestNode(dir, settings));
    }

    /** A fresh Luhn-valid 16-digit PAN (a Visa-like test number, never a real one). */
    public static String newPan() {
        String body = "49" + String.format("%013d", NEXT_PAN.incrementAndGet());
        for (int check = 0; check < 10; check++) {
            if (Pan.luhnValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("one check digit always fits");
    }

    /** A halyk retail wallet with {@code cash} tenge in it. */
    public String wallet(String tier, String cash) {
        return wallet("retail", tier, cash);
    }

    /** A halyk wallet of {@code kind} (retail or merchant) with {@code cash} tenge in it. */
    public String wallet(String kind, String tier, String cash) {
        SigningKey key = SigningKey.generate(RANDOM);
        ApiClient.Answer opened = halyk.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(key.publicKey()), "kind", kind,
                "tier", tier));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String address = opened.text("address");
        if (!cash.equals("0")) {
            ApiClient.Answer in = halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", address, "amount", cash));
            assertThat(in.status()).as(in.toString()).isEqualTo(201);
        }
        return address;
    }

    public ApiClient.Answer issue(String pan, String wallet, String expiry, String purchaseLimit, String atmDailyLimit,
                                  List<String> channels) {
        return issue("VISA_DEBIT", pan, wallet, expiry, purchaseLimit, atmDailyLimit, channels);
    }

    public ApiClient.Answer issue(String product, String pan, String wallet, String expiry, String purchaseLimit,
                                  String atmDailyLimit, List<String> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pan", pan);
        body.put("product", product);
        body.put("wallet", wallet);
        body.put("expiry", expiry);
        body.put("purchaseLimit", purchaseLimit);
        if (!atmDailyLimit.isEmpty()) {
            body.put("atmDailyLimit", atmDailyLimit);
        }
        body.put("channels", channels);
        return halyk.post("/v1/cards", body);
    }

    /** A card with every channel, a 10,000 tenge purchase limit and 5,000 a day of ATM cash, on a new wallet. */
    public Issued card(String cash) {
        return card("anonymous", cash);
    }

    /** The same on a wallet of {@code tier}. */
    public Issued card(String tier, String cash) {
        String wallet = wallet(tier, cash);
        String pan = newPan();
        ApiClient.Answer issued = issue(pan, wallet, "2030-12", "10000.00", "5000.00", List.of("IN_STORE", "ONLINE", "ATM", "ABROAD"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return new Issued(pan, wallet, issued.text("id"));
    }

    public record Issued(String pan, String wallet, String id) {}

    /** The acquirers' MAC key the node made in its data directory. */
    public MessageMac mac() {
        try {
            return new MessageMac(KeyFile.read(node.data.resolve(CardsExtension.MAC_KEY_FILE)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A terminal at home, on its own connection, sealing its messages with the MAC key. */
    public Terminal terminal(Terminal.Kind kind, String id) {
        return terminalAbroad(kind, id, "398");
    }

    public Terminal terminalAbroad(Terminal.Kind kind, String id, String country) {
        return terminal(new TerminalConnection("127.0.0.1", gatewayPort), kind, id, country);
    }

    /** A terminal on {@code connection}, sealing its messages with the MAC key. */
    public Terminal terminal(TerminalConnection connection, Terminal.Kind kind, String id, String country) {
        return new Terminal(connection, java.util.Optional.of(mac()), id, kind, country);
    }

    public Map<String, String> wallet(String address) {
        ApiClient.Answer state = halyk.get("/v1/wallets/" + address);
        return Map.of("balance", state.text("balance"), "available", state.text("available"), "held", state.text("held"));
    }

    @Override
    public void close() {
        node.close();
    }
}
