package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Every request but health, metrics and documents is signed; unsigned, badly signed, stale and replayed
 * requests get 401, requests outside a participant's role or accounts get 403, and none changes anything.
 */
class AuthenticationTest extends EndToEndTest {
    private static String cashIn(String wallet) {
        return "{\"id\":\"" + Orders.id() + "\",\"wallet\":\"" + wallet + "\",\"amount\":\"100.00\"}";
    }

    @Test
    void anUnsignedRequestIs401AndChangesNothing() {
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer answer = node.anonymous().post("/v1/cash-in", cashIn(node.address("aigerim")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("missing-credentials");
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.text("detail")).contains("Dtenge-Participant");
        before.unchangedIn(node);
    }

    @Test
    void aSignatureByTheWrongKeyIs401AndChangesNothing() {
        LedgerState before = LedgerState.of(node);
        ApiClient impostor = node.as("halyk", SigningKey.generate(new SecureRandom()));
        ApiClient.Answer answer = impostor.post("/v1/cash-in", cashIn(node.address("aigerim")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("bad-request-signature");
        before.unchangedIn(node);
    }

    @Test
    void aBodyChangedAfterSigningIs401() {
        LedgerState before = LedgerState.of(node);
        ApiClient halyk = node.as("halyk");
        byte[] signed = cashIn(node.address("aigerim")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = halyk.signedHeaders("POST", "/v1/cash-in", signed);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("100.00", "900.00").getBytes(StandardCharsets.UTF_8);
        ApiClient.Answer answer = halyk.send("POST", "/v1/cash-in", tampered, headers);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("bad-request-signature");
        before.unchangedIn(node);
    }

    @Test
    void aReplayedNonceIs401AndChangesNothing() {
        ApiClient halyk = node.as("halyk");
        byte[] body = cashIn(node.address("aigerim")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = halyk.signedHeaders("POST", "/v1/cash-in", body);
        assertThat(halyk.send("POST", "/v1/cash-in", body, headers).status()).isEqualTo(201);
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer replay = halyk.send("POST", "/v1/cash-in", body, headers);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.type()).isEqualTo("replayed-request");
        before.unchangedIn(node);
    }

    @Test
    void aStaleTimestampIs401AndChangesNothing() {
        LedgerState before = LedgerState.of(node);
        byte[] body = cashIn(node.address("aigerim")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> old = new RequestSigner("halyk", node.key("halyk")).headers("POST", "/v1/cash-in", body,
                System.currentTimeMillis() - 120_000, RequestSigner.randomNonce());
        ApiClient.Answer answer = node.as("halyk").send("POST", "/v1/cash-in", body, old);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.type()).isEqualTo("stale-request");
        Map<String, String> future = new RequestSigner("halyk", node.key("halyk")).headers("POST", "/v1/cash-in", body,
                System.currentTimeMillis() + 120_000, RequestSigner.randomNonce());
        assertThat(node.as("halyk").send("POST", "/v1/cash-in", body, future).type()).isEqualTo("stale-request");
        before.unchangedIn(node);
    }

    @Test
    void anUnknownParticipantAndAShortNonceAre401() {
        ApiClient.Answer unknown = node.as("nobody", SigningKey.generate(new SecureRandom())).get("/v1/supply");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.type()).isEqualTo("unknown-participant");
        Map<String, String> shortNonce = new HashMap<>(new RequestSigner("halyk", node.key("halyk")).headers("GET",
                "/v1/supply", new byte[0], System.currentTimeMillis(), "short"));
        assertThat(node.anonymous().send("GET", "/v1/supply", new byte[0], shortNonce).status()).isEqualTo(401);
    }

    @Test
    void theQueryIsPartOfWhatIsSigned() {
        ApiClient halyk = node.as("halyk");
        String path = "/v1/wallets/" + node.address("aigerim") + "/history?limit=1";
        Map<String, String> headers = halyk.signedHeaders("GET", path, new byte[0]);
        ApiClient.Answer answer = halyk.send("GET", path.replace("limit=1", "limit=2"), new byte[0], headers);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(halyk.get(path).status()).isEqualTo(200);
    }

    @Test
    void aBankMayNotIssueOrRegister403AndNothingChanges() {
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer issue = node.as("halyk").post("/v1/issuance", Map.of("id", Orders.id(), "bank", "halyk",
                "amount", "1000000.00"));
        assertThat(issue.status()).isEqualTo(403);
        assertThat(issue.type()).isEqualTo("role-not-permitted");
        ApiClient.Answer register = node.as("halyk").post("/v1/participants", Map.of("id", "rogue", "code", 4242, "name",
                "Rogue Bank", "role", "BANK", "publicKey", org.dtenge.node.auth.Base64Url.encode(
                        SigningKey.generate(new SecureRandom()).publicKey())));
        assertThat(register.status()).isEqualTo(403);
        assertThat(node.as("nbk").get("/v1/participants/rogue").status()).isEqualTo(404);
        ApiClient.Answer auditorCashIn = node.as("audit").post("/v1/cash-in", cashIn(node.address("aigerim")));
        assertThat(auditorCashIn.status()).isEqualTo(403);
        before.unchangedIn(node);
    }

    @Test
    void aBankMayNotTouchAnotherBanksWallet403AndNothingChanges() {
        LedgerState before = LedgerState.of(node);
        String nurlan = node.address("nurlan"); // serviced by Kazpost
        ApiClient halyk = node.as("halyk");
        ApiClient.Answer cashIn = halyk.post("/v1/cash-in", cashIn(nurlan));
        assertThat(cashIn.status()).isEqualTo(403);
        assertThat(cashIn.type()).isEqualTo("account-not-serviced");
        assertThat(halyk.post("/v1/wallets/" + nurlan + "/freeze", "").status()).isEqualTo(403);
        assertThat(halyk.get("/v1/wallets/" + nurlan).status()).isEqualTo(403);
        assertThat(halyk.get("/v1/wallets/" + nurlan + "/history").status()).isEqualTo(403);
        ApiClient.Answer pay = halyk.post("/v1/payments", Orders.payment(node.key("nurlan"), Orders.id(), nurlan,
                node.address("magnum"), "10.00"));
        assertThat(pay.status()).isEqualTo(403);
        assertThat(pay.type()).isEqualTo("account-not-serviced");
        before.unchangedIn(node);
    }
}
