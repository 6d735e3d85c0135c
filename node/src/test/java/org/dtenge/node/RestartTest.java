package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node restarted on its data directory comes back with the same state; projections rebuild from the journal. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void aRestartBringsBackBalancesHistoryAndParticipants() throws Exception {
        SigningKey newcomer = SigningKey.generate(new SecureRandom());
        LedgerState before;
        JsonNode history;
        String lastPayment = Orders.id();
        Map<String, Object> lastBody;
        JsonNode lastAnswer;
        try (TestNode first = TestNode.start(dir)) {
            assertThat(first.as("nbk").post("/v1/participants", Map.of("id", "otbasy", "code", 8801, "name", "Otbasy Bank",
                    "role", "BANK", "publicKey", Base64Url.encode(newcomer.publicKey()))).status()).isEqualTo(201);
            ApiClient halyk = first.as("halyk");
            for (int i = 0; i < 5; i++) {
                halyk.post("/v1/payments", Orders.payment(first.key("aigerim"), Orders.id(), first.address("aigerim"),
                        first.address("nurlan"), "10.00"));
            }
            lastBody = Orders.payment(first.key("aigerim"), lastPayment, first.address("aigerim"), first.address("magnum"), "1.25",
                    System.currentTimeMillis() + 600_000, "");
            lastAnswer = halyk.post("/v1/payments", lastBody).json();
            first.as("nbk").post("/v1/issuance", Map.of("id", Orders.id(), "bank", "otbasy", "amount", "77.00"));
            before = LedgerState.of(first);
            history = awaitHistory(first, lastPayment);
            assertThatThrownBy(() -> TestNode.start(dir)).isInstanceOf(NodeException.class).hasMessageContaining("another node");
        }
        assertThat(before.balances().get("aigerim")).isEqualTo("19948.75");
        try (TestNode second = TestNode.start(dir)) {
            before.unchangedIn(second);
            assertThat(awaitHistory(second, lastPayment)).isEqualTo(history);
            assertThat(second.as("otbasy", newcomer).get("/v1/wallets/" + second.as("nbk").get("/v1/participants/otbasy")
                    .text("account")).text("balance")).isEqualTo("77.00");
            ApiClient.Answer status = second.as("halyk").get("/v1/payments/" + lastPayment);
            assertThat(status.text("amount")).isEqualTo("1.25");
            assertThat(status.json().has("signature")).isTrue();
            // A repeat after the restart: the same answer, its receipt read back from the journal.
            ApiClient.Answer repeat = second.as("halyk").post("/v1/payments", lastBody);
            assertThat(repeat.json()).isEqualTo(lastAnswer);
            assertThat(repeat.header("Dtenge-Repeat")).hasValue("true");
        }
        Files.delete(dir.resolve("projections.db"));
        Files.deleteIfExists(dir.resolve("projections.db-wal"));
        Files.deleteIfExists(dir.resolve("projections.db-shm"));
        try (TestNode third = TestNode.start(dir)) {
            before.sameMoneyIn(third); // the journal holds one more batch: the repeat's EXISTS

            assertThat(awaitHistory(third, lastPayment)).isEqualTo(history);
            assertThat(third.as("otbasy", newcomer).get("/v1/supply").status()).isEqualTo(200);
        }
    }

    private static JsonNode awaitHistory(TestNode node, String newest) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer answer = node.as("halyk").get("/v1/wallets/" + node.address("aigerim") + "/history?limit=20");
            JsonNode items = answer.json().get("items");
            if (!items.isEmpty() && items.get(0).get("payment").asText().equals(newest) || System.currentTimeMillis() > deadline) {
                return items;
            }
            Thread.sleep(20);
        }
    }
}
