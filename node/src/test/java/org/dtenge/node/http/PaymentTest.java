package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtenge.journal.Receipt;
import org.dtenge.journal.ReceiptVerifier;
import org.dtenge.node.ApiClient;
import org.dtenge.node.CustomerWallet;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;

/** Signed payments: person to person, to merchants, repeated, refused, looked up, proven, and in batches. */
class PaymentTest extends EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String balance(ApiClient servicer, String address) {
        return servicer.get("/v1/wallets/" + address).text("balance");
    }

    @Test
    void personToPersonAcrossIntermediariesIsDurableWithAVerifiableReceipt() {
        CustomerWallet payer = funded("anonymous", "1000.00");
        String nurlan = node.address("nurlan");
        String nurlanBefore = balance(node.as("kazpost"), nurlan);
        String supply = node.as("nbk").get("/v1/supply").text("supply");
        ApiClient.Answer paid = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), nurlan, "250.50"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("committed");
        assertThat(paid.text("amount")).isEqualTo("250.50");
        MoneyTest.verify(paid);
        assertThat(paid.json().get("receipt").get("result").asText()).isEqualTo("OK");
        assertThat(balance(halyk, payer.address())).isEqualTo("749.50");
        assertThat(Orders.tiyn(balance(node.as("kazpost"), nurlan))).isEqualTo(Orders.tiyn(nurlanBefore) + 25_050);
        assertThat(node.as("nbk").get("/v1/supply").text("supply")).isEqualTo(supply);
    }

    @Test
    void theSameRequestTwiceGetsTheSameAnswerAndMovesMoneyOnce() {
        CustomerWallet payer = funded("anonymous", "1000.00");
        Map<String, Object> body = Orders.payment(payer.key(), Orders.id(), payer.address(), node.address("magnum"), "100.00",
                System.currentTimeMillis() + 60_000, "INV-2026-0042");
        ApiClient.Answer first = halyk.post("/v1/payments", body);
        ApiClient.Answer second = halyk.post("/v1/payments", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(first.header("Dtenge-Repeat")).isEmpty();
        assertThat(second.header("Dtenge-Repeat")).hasValue("true");
        assertThat(first.text("reference")).isEqualTo("INV-2026-0042");
        assertThat(balance(halyk, payer.address())).isEqualTo("900.00");
        Map<String, Object> changed = Orders.payment(payer.key(), (String) body.get("id"), payer.address(), node.address("magnum"),
                "101.00");
        ApiClient.Answer conflict = halyk.post("/v1/payments", changed);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo("id-conflict");
        assertThat(balance(halyk, payer.address())).isEqualTo("900.00");
    }

    @Test
    void refusedPaymentsChangeNoMoney() {
        CustomerWallet payer = funded("anonymous", "100000.00");
        LedgerState before = LedgerState.of(node);
        String magnum = node.address("magnum");
        ApiClient.Answer limit = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), magnum, "50000.01"));
        assertThat(limit.status()).isEqualTo(422);
        assertThat(limit.type()).isEqualTo("payment-limit-exceeded");
        ApiClient.Answer expired = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), magnum, "1.00",
                System.currentTimeMillis() - 1, ""));
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.type()).isEqualTo("payment-expired");
        ApiClient.Answer toIssuance = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(),
                node.address("nbk"), "1.00"));
        assertThat(toIssuance.type()).isEqualTo("not-permitted");
        ApiClient.Answer self = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), payer.address(), "1.00"));
        assertThat(self.type()).isEqualTo("not-permitted");
        before.sameMoneyIn(node);
        assertThat(halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), magnum, "50000.00")).status())
                .isEqualTo(200);
        assertThat(halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), magnum, "50000.00")).status())
                .isEqualTo(200);
        halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", payer.address(), "amount", "10.00"));
        ApiClient.Answer daily = halyk.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(), magnum, "1.00"));
        assertThat(daily.status()).isEqualTo(422);
        assertThat(daily.type()).isEqualTo("daily-limit-exceeded");
        CustomerWallet poor = funded("anonymous", "5.00");
        ApiClient.Answer funds = halyk.post("/v1/payments", Orders.payment(poor.key(), Orders.id(), poor.address(), magnum, "5.01"));
        assertThat(funds.status()).isEqualTo(422);
        assertThat(funds.type()).isEqualTo("insufficient-funds");
        assertThat(funds.text("detail")).contains(poor.address());
        assertThat(balance(halyk, poor.address())).isEqualTo("5.00");
    }

    @Test
    void statusAndReceiptAreVisibleToBothSidesOnly() throws InterruptedException {
        CustomerWallet payer = funded("anonymous", "100.00");
        String id = Orders.id();
        halyk.post("/v1/payments", Orders.payment(payer.key(), id, payer.address(), node.address("nurlan"), "10.00"));
        JsonNode status = awaitSigned(halyk, id);
        assertThat(status.get("payer").asText()).isEqualTo(payer.address());
        assertThat(status.get("category").asText()).isEqualTo("payment");
        assertThat(status.get("signature").asText()).hasSize(86);
        assertThat(node.as("kazpost").get("/v1/payments/" + id).status()).isEqualTo(200);
        ApiClient.Answer other = node.as("bcc").get("/v1/payments/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.type()).isEqualTo("payment-not-found");
        assertThat(node.as("bcc").get("/v1/payments/" + id + "/receipt").status()).isEqualTo(404);
        assertThat(halyk.get("/v1/payments/" + Orders.id()).status()).isEqualTo(404);
        // Chained to a later head: verifies against that head's hash, as published by /v1/journal/head.
        halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", payer.address(), "amount", "1.00"));
        JsonNode head = halyk.get("/v1/journal/head").json();
        ApiClient.Answer receipt = node.as("kazpost").get("/v1/payments/" + id + "/receipt?head=" + head.get("sequence").asLong());
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        Receipt decoded = Receipt.decode(Base64Url.decode(receipt.json().get("receipt").get("encoded").asText()).orElseThrow());
        assertThat(decoded.laterBatches()).isNotEmpty();
        assertThat(ReceiptVerifier.verify(decoded, HexFormat.of().parseHex(head.get("hash").asText())).isValid()).isTrue();
        ApiClient.Answer ownBatch = halyk.get("/v1/payments/" + id + "/receipt");
        assertThat(ownBatch.json().get("receipt").get("head").get("sequence").asLong()).isEqualTo(status.get("batch").asLong());
        assertThat(halyk.get("/v1/payments/" + id + "/receipt?head=1").type()).isEqualTo("invalid-parameter");
        assertThat(halyk.get("/v1/payments/" + id + "/receipt?head=latest").status()).isEqualTo(200);
    }

    static JsonNode awaitSigned(ApiClient client, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer answer = client.get("/v1/payments/" + id);
            if (answer.json().has("signature") || System.currentTimeMillis() > deadline) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                return answer.json();
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anAppProviderSubmitsPaymentsTheWalletSigned() {
        SigningKey appKey = SigningKey.generate(RANDOM);
        ApiClient.Answer registered = node.as("nbk").post("/v1/participants", Map.of("id", "stepapp", "code", 7001,
                "name", "Step rewards app", "role", "APP_PROVIDER", "publicKey", Base64Url.encode(appKey.publicKey())));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        CustomerWallet payer = funded("anonymous", "50.00");
        ApiClient app = node.as("stepapp", appKey);
        ApiClient.Answer paid = app.post("/v1/payments", Orders.payment(payer.key(), Orders.id(), payer.address(),
                node.address("canteen"), "20.00"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(app.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", payer.address(), "amount", "1.00")).status())
                .isEqualTo(403);
    }

    @Test
    void aBatchAnswersItemByItem() {
        CustomerWallet rich = funded("full", "1000.00");
        CustomerWallet poor = funded("anonymous", "1.00");
        String magnum = node.address("magnum");
        String reserve = node.address("halyk");
        String repeated = Orders.id();
        List<Object> items = new ArrayList<>();
        items.add(Map.of("id", repeated, "payer", reserve, "payee", magnum, "amount", "10.00"));
        items.add(Orders.payment(rich.key(), Orders.id(), rich.address(), magnum, "5.00"));
        items.add(Map.of("id", Orders.id(), "payer", rich.address(), "payee", magnum, "amount", "5.00"));
        Map<String, Object> forged = new LinkedHashMap<>(Orders.payment(poor.key(), Orders.id(), rich.address(), magnum, "5.00"));
        items.add(forged);
        items.add(Orders.payment(node.key("nurlan"), Orders.id(), node.address("nurlan"), magnum, "5.00"));
        items.add(Orders.payment(poor.key(), Orders.id(), poor.address(), magnum, "2.00"));
        items.add(Map.of("id", Orders.id(), "payer", "DT00TYPO", "payee", magnum, "amount", "1.00"));
        items.add(Map.of("id", repeated, "payer", reserve, "payee", magnum, "amount", "10.00"));
        ApiClient.Answer answer = halyk.post("/v1/payments/batch", Map.of("items", items));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().get("items");
        assertThat(results.get(0).get("status").asText()).isEqualTo("committed");
        assertThat(results.get(1).get("status").asText()).isEqualTo("committed");
        assertThat(results.get(2).get("type").asText()).endsWith("invalid-payment-signature"); // a wallet needs its signature
        assertThat(results.get(3).get("type").asText()).endsWith("invalid-payment-signature");
        assertThat(results.get(4).get("type").asText()).endsWith("account-not-serviced");
        assertThat(results.get(5).get("status").asText()).isEqualTo("refused");
        assertThat(results.get(5).get("result").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(results.get(6).get("type").asText()).endsWith("invalid-address");
        assertThat(results.get(7).get("status").asText()).isEqualTo("already-committed");
        assertThat(answer.json().get("committed").asInt()).isEqualTo(2);
        assertThat(answer.json().get("rejected").asInt()).isEqualTo(4);
        assertThat(balance(halyk, rich.address())).isEqualTo("995.00");
        assertThat(balance(halyk, poor.address())).isEqualTo("1.00");
    }

    @Test
    void aLargeBatchOfSignedPaymentsSpansSeveralJournalBatches() {
        CustomerWallet rich = funded("full", "100000.00");
        String magnum = node.address("magnum");
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(Orders.payment(rich.key(), Orders.id(), rich.address(), magnum, "1.00"));
        }
        ApiClient.Answer answer = halyk.post("/v1/payments/batch", Map.of("items", items));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("committed").asInt()).isEqualTo(5000);
        assertThat(balance(halyk, rich.address())).isEqualTo("95000.00");
    }
}
