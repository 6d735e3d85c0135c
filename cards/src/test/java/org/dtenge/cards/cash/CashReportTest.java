package org.dtenge.cards.cash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.ApiClient;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kazpost at the counter: open a wallet, take cash in, pay cash out, each signed; then the day's cash report. */
class CashReportTest {
    @TempDir
    Path dir;

    private static java.util.Optional<JsonNode> counter(JsonNode report, String name) {
        for (JsonNode counter : report.get("counters")) {
            if (counter.get("counter").asText().equals(name)) {
                return java.util.Optional.of(counter);
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    void benefitsPaidToWalletsWithoutABankAreTakenOutInCashAtTheCounter() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            ApiClient kazpost = f.node.as("kazpost");
            String almaty = f.node.address("almaty");
            // The city's budget account is funded from a bank (the budget's own DT), then pays the month's benefit.
            ApiClient.Answer funded = f.halyk.post("/v1/payments/batch", Map.of("items", java.util.List.of(Map.of("id", Orders.id(),
                    "payer", f.node.address("halyk"), "payee", almaty, "amount", "100000.00"))));
            assertThat(funded.json().get("committed").asInt()).as(funded.toString()).isEqualTo(1);
            SigningKey pensioner = SigningKey.generate(new SecureRandom());
            String wallet = kazpost.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(pensioner.publicKey()),
                    "kind", "retail", "tier", "simplified")).text("address");
            ApiClient.Answer benefit = f.node.as("almaty").post("/v1/payments/batch", Map.of("items", java.util.List.of(Map.of(
                    "id", Orders.id(), "payer", almaty, "payee", wallet, "amount", "45000.00", "reference", "BENEFIT 2026-11"))));
            assertThat(benefit.json().get("committed").asInt()).as(benefit.toString()).isEqualTo(1);
            Map<String, Object> cashOut = new LinkedHashMap<>(Orders.payment(pensioner, Orders.id(), wallet, f.node.address("kazpost"),
                    "45000.00", System.currentTimeMillis() + 60_000, "050010-03"));
            cashOut.remove("payer");
            cashOut.remove("payee");
            cashOut.put("wallet", wallet);
            assertThat(kazpost.post("/v1/cash-out", cashOut).status()).isEqualTo(201);
            assertThat(kazpost.get("/v1/wallets/" + wallet).text("balance")).isEqualTo("0.00");
            LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
            java.util.Optional<JsonNode> counter = java.util.Optional.empty();
            for (int i = 0; i < 200 && counter.isEmpty(); i++) {
                counter = counter(kazpost.get("/v1/cash-report?date=" + today).json(), "050010-03");
                Thread.sleep(10);
            }
            assertThat(counter.orElseThrow().get("cashOut").asText()).isEqualTo("45000.00");
        }
    }

    @Test
    void kazpostsCounterOperationsAddUpInItsDailyCashReport() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            ApiClient kazpost = f.node.as("kazpost");
            String reserve = f.node.address("kazpost");
            LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
            SigningKey customer = SigningKey.generate(new SecureRandom());
            ApiClient.Answer opened = kazpost.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(customer.publicKey()),
                    "kind", "retail", "tier", "simplified"));
            assertThat(opened.status()).isEqualTo(201);
            String wallet = opened.text("address");
            assertThat(kazpost.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet, "amount", "5000.00",
                    "reference", "050010-01")).status()).isEqualTo(201);
            assertThat(kazpost.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet, "amount", "1000.00",
                    "reference", "050010-02")).status()).isEqualTo(201);
            Map<String, Object> cashOut = new LinkedHashMap<>(Orders.payment(customer, Orders.id(), wallet, reserve, "1500.00",
                    System.currentTimeMillis() + 60_000, "050010-01"));
            cashOut.remove("payer");
            cashOut.remove("payee");
            cashOut.put("wallet", wallet);
            ApiClient.Answer out = kazpost.post("/v1/cash-out", cashOut);
            assertThat(out.status()).as(out.toString()).isEqualTo(201);
            assertThat(f.node.anonymous().get("/v1/cash-report?date=" + today).status()).isEqualTo(401);
            assertThat(f.node.as("almaty").get("/v1/cash-report?date=" + today).status()).isEqualTo(403);
            JsonNode report = null;
            JsonNode first = null;
            for (int i = 0; i < 200 && first == null; i++) { // the report reads the projection, a moment behind the journal
                report = kazpost.get("/v1/cash-report?date=" + today).json();
                first = counter(report, "050010-01").filter(c -> c.get("cashOuts").asLong() == 1).orElse(null);
                Thread.sleep(10);
            }
            assertThat(first).isNotNull();
            assertThat(first.get("cashIns").asLong()).isEqualTo(1);
            assertThat(first.get("cashIn").asText()).isEqualTo("5000.00");
            assertThat(first.get("cashOut").asText()).isEqualTo("1500.00");
            assertThat(first.get("drawer").asText()).isEqualTo("3500.00");
            assertThat(counter(report, "050010-02").orElseThrow().get("cashIn").asText()).isEqualTo("1000.00");
            // Genesis took 50,000.00 in for a demo customer today, with no counter named.
            assertThat(counter(report, "(none)").orElseThrow().get("cashIn").asText()).isEqualTo("50000.00");
            assertThat(report.get("cashIn").asText()).isEqualTo("56000.00");
            assertThat(report.get("cashOut").asText()).isEqualTo("1500.00");
            assertThat(report.get("drawer").asText()).isEqualTo("54500.00");
            assertThat(kazpost.get("/v1/cash-report?date=" + today.minusDays(1)).json().get("counters")).isEmpty();
        }
    }
}
