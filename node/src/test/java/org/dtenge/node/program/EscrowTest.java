package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.junit.jupiter.api.Test;

/** Escrow on holds: released on the payer's word, refunded by the payee, or refunded by the ledger at the timeout. */
class EscrowTest extends EndToEndTest {
    private static String open(String amount, int timeoutSeconds) {
        String id = Orders.id();
        Map<String, Object> body = new LinkedHashMap<>(Orders.payment(node.key("aigerim"), id, node.address("aigerim"),
                node.address("canteen"), amount));
        body.put("timeoutSeconds", timeoutSeconds);
        ApiClient.Answer opened = halyk.post("/v1/escrows", body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(halyk.get("/v1/escrows/" + id).text("state")).isEqualTo("pending");
        return id;
    }

    private static long tiyn(String servicer, String account) {
        return Long.parseLong(ProgramClient.balance(node, servicer, node.address(account)).replace(".", ""));
    }

    @Test
    void releaseOnThePayersWordPaysThePayeeOnce() {
        long canteen = tiyn("bcc", "canteen");
        String id = open("30.00", 3600);
        assertThat(tiyn("bcc", "canteen")).isEqualTo(canteen);
        assertThat(node.as("bcc").post("/v1/escrows/" + id + "/release", Map.of()).status())
                .as("the payee cannot release to itself").isEqualTo(403);
        ApiClient.Answer released = halyk.post("/v1/escrows/" + id + "/release", Map.of());
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(tiyn("bcc", "canteen")).isEqualTo(canteen + 3_000);
        assertThat(halyk.get("/v1/escrows/" + id).text("state")).isEqualTo("posted");
        assertThat(halyk.post("/v1/escrows/" + id + "/release", Map.of()).status()).isEqualTo(200); // a repeat, EXISTS
        assertThat(node.as("bcc").post("/v1/escrows/" + id + "/refund", Map.of()).status()).isEqualTo(422);
        assertThat(tiyn("bcc", "canteen")).isEqualTo(canteen + 3_000);
    }

    @Test
    void thePayeeMayRefund() {
        long aigerim = tiyn("halyk", "aigerim");
        String id = open("12.00", 3600);
        assertThat(tiyn("halyk", "aigerim")).as("held, not yet spendable").isEqualTo(aigerim);
        ApiClient.Answer refunded = node.as("bcc").post("/v1/escrows/" + id + "/refund", Map.of());
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(halyk.get("/v1/escrows/" + id).text("state")).isEqualTo("voided");
        assertThat(tiyn("halyk", "aigerim")).isEqualTo(aigerim);
    }

    @Test
    void theLedgerRefundsAtTheTimeout() throws Exception {
        String id = open("5.00", 1);
        Thread.sleep(1_500);
        // Expiry is driven by batch time: any later batch (here, a payment) carries the ledger past it.
        halyk.post("/v1/payments", Orders.payment(node.key("aigerim"), Orders.id(), node.address("aigerim"),
                node.address("magnum"), "0.01"));
        assertThat(halyk.get("/v1/escrows/" + id).text("state")).isEqualTo("expired");
        assertThat(halyk.post("/v1/escrows/" + id + "/release", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void anEscrowNeedsTheSignatureAndATimeout() {
        Map<String, Object> body = new LinkedHashMap<>(Orders.payment(node.key("nurlan"), Orders.id(), node.address("aigerim"),
                node.address("canteen"), "1.00"));
        body.put("timeoutSeconds", 60);
        assertThat(halyk.post("/v1/escrows", body).type()).endsWith("invalid-payment-signature");
        body = new LinkedHashMap<>(Orders.payment(node.key("aigerim"), Orders.id(), node.address("aigerim"),
                node.address("canteen"), "1.00"));
        body.put("timeoutSeconds", 0);
        assertThat(halyk.post("/v1/escrows", body).type()).endsWith("invalid-field");
        assertThat(node.as("kazpost").get("/v1/escrows/" + Orders.id()).status()).isEqualTo(404);
    }
}
