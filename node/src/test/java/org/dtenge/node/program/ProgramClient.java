package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.Orders;
import org.dtenge.node.TestNode;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;

/** What the program tests do through the API, in one place. */
final class ProgramClient {
    private ProgramClient() {}

    /** A signed payment with a purpose code, as a wallet app makes it. */
    static Map<String, Object> payment(SigningKey key, String payer, String payee, String amount, int purpose) {
        String id = Orders.id();
        long expiresAt = System.currentTimeMillis() + 60_000;
        PaymentOrder order = new PaymentOrder(TransferId.parse(id).orElseThrow(), Orders.account(payer), Orders.account(payee),
                Orders.tiyn(amount), 1, purpose, Reference.NONE, expiresAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("payer", payer);
        body.put("payee", payee);
        body.put("amount", amount);
        body.put("purpose", purpose);
        body.put("expiresAt", expiresAt);
        body.put("signature", Base64Url.encode(order.sign(key)));
        return body;
    }

    /** A participant pays from its own account (no wallet signature: the request's signature authorizes it). */
    static void payOwn(ApiClient participant, String from, String to, String amount) {
        ApiClient.Answer answer = participant.post("/v1/payments/batch", Map.of("items", List.of(
                Map.of("id", Orders.id(), "payer", from, "payee", to, "amount", amount))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("committed").asInt()).as(answer.toString()).isEqualTo(1);
    }

    /** A new retail wallet at halyk for a new key. */
    static String wallet(TestNode node, SigningKey key, String kind) {
        ApiClient.Answer opened = node.as("halyk").post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(key.publicKey()),
                "kind", kind, "tier", "full"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("address");
    }

    static String balance(TestNode node, String servicer, String address) {
        return node.as(servicer).get("/v1/wallets/" + address).text("balance");
    }

    /** Today's ledger day and weekday (1 = Monday) in Almaty, as conditions see them. */
    static long today() {
        return Instant.now().atOffset(ZoneOffset.ofHours(5)).toLocalDate().toEpochDay();
    }

    static int weekday() {
        return Instant.now().atOffset(ZoneOffset.ofHours(5)).getDayOfWeek().getValue();
    }
}
