package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.junit.jupiter.api.Test;

/**
 * Session credentials through the real server: opened with the participant's own signature, then
 * used with HMAC; the same role and account rules, the same replay and tamper checks, and nothing
 * changed by a refused request.
 */
class SessionTest extends EndToEndTest {
    private static String cashIn(String wallet, String amount) {
        return "{\"id\":\"" + Orders.id() + "\",\"wallet\":\"" + wallet + "\",\"amount\":\"" + amount + "\"}";
    }

    @Test
    void aSessionOpensWithTheParticipantsKeyAndActsAsIt() {
        ApiClient.Answer opened = node.as("halyk").post("/v1/sessions", "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("participant")).isEqualTo("halyk");
        assertThat(opened.text("session")).startsWith("halyk.");
        assertThat(Base64Url.decode(opened.text("key")).orElseThrow()).hasSize(32);
        assertThat(opened.text("expiresAt")).isNotEmpty();
        ApiClient halyk = node.as("halyk").withSession();
        String before = halyk.get("/v1/wallets/" + node.address("aigerim")).text("balance");
        ApiClient.Answer cashIn = halyk.post("/v1/cash-in", cashIn(node.address("aigerim"), "25.00"));
        assertThat(cashIn.status()).as(cashIn.toString()).isEqualTo(201);
        String after = halyk.get("/v1/wallets/" + node.address("aigerim")).text("balance");
        assertThat(new java.math.BigDecimal(after).subtract(new java.math.BigDecimal(before)))
                .isEqualByComparingTo("25.00");
    }

    @Test
    void aSessionKeepsItsParticipantsRoleAndAccounts() {
        LedgerState before = LedgerState.of(node);
        ApiClient halyk = node.as("halyk").withSession();
        ApiClient.Answer issue = halyk.post("/v1/issuance", Map.of("id", Orders.id(), "bank", "halyk", "amount", "1.00"));
        assertThat(issue.status()).isEqualTo(403);
        assertThat(issue.type()).isEqualTo("role-not-permitted");
        ApiClient.Answer other = halyk.post("/v1/cash-in", cashIn(node.address("nurlan"), "1.00"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.type()).isEqualTo("account-not-serviced");
        before.unchangedIn(node);
    }

    @Test
    void aSessionCannotOpenAnotherSession() {
        ApiClient.Answer answer = node.as("halyk").withSession().post("/v1/sessions", "");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.type()).isEqualTo("session-not-allowed");
    }

    @Test
    void aTamperedBodyAReplayAndAForgedSessionAre401AndChangeNothing() {
        ApiClient halyk = node.as("halyk").withSession();
        byte[] body = cashIn(node.address("aigerim"), "10.00").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = halyk.signedHeaders("POST", "/v1/cash-in", body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("10.00", "90.00").getBytes(StandardCharsets.UTF_8);
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer changed = halyk.send("POST", "/v1/cash-in", tampered, headers);
        assertThat(changed.status()).isEqualTo(401);
        assertThat(changed.type()).isEqualTo("invalid-session");
        before.unchangedIn(node);

        assertThat(halyk.send("POST", "/v1/cash-in", body, headers).status()).isEqualTo(201);
        LedgerState afterFirst = LedgerState.of(node);
        ApiClient.Answer replay = halyk.send("POST", "/v1/cash-in", body, headers);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.type()).isEqualTo("replayed-request");
        afterFirst.unchangedIn(node);

        // The same key under a session id with a later expiry: the key is bound to the id.
        String id = headers.get("Dtenge-Session");
        String[] parts = id.split("\\.");
        String stretched = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400_000L) + "." + parts[2];
        Map<String, String> forged = new java.util.HashMap<>(halyk.signedHeaders("GET", "/v1/supply", new byte[0]));
        forged.put("Dtenge-Session", stretched);
        ApiClient.Answer answer = halyk.send("GET", "/v1/supply", new byte[0], forged);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("invalid-session");
        ApiClient.Answer garbage = halyk.send("GET", "/v1/supply", new byte[0], Map.of("Dtenge-Session", "nonsense",
                "Dtenge-Timestamp", Long.toString(System.currentTimeMillis()), "Dtenge-Nonce", "0123456789abcdefXYZ",
                "Dtenge-Signature", "AAAA"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.type()).isEqualTo("invalid-session");
    }

    @Test
    void openingASessionTakesNoBody() {
        ApiClient.Answer answer = node.as("halyk").post("/v1/sessions", "{\"lifetime\":\"forever\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("unknown-field");
    }
}
