package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.TestNode;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled payments and the period-end sweep, carried out by the node when their time comes,
 * journaled, and never paid twice, across a restart too.
 */
class SchedulesTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void aMonthlyBenefitIsPaidOncePerOccurrenceAcrossARestart() throws Exception {
        String recipient;
        SigningKey key = SigningKey.generate(RANDOM);
        try (TestNode node = TestNode.start(dir)) {
            recipient = ProgramClient.wallet(node, key, "retail");
            ApiClient kazpost = node.as("kazpost");
            ApiClient.Answer scheduled = kazpost.post("/v1/schedules", Map.of("to", recipient, "amount", "45000.00",
                    "first", Instant.now().minusSeconds(1).toString(), "intervalSeconds", 1, "count", 3));
            assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
            assertThat(scheduled.text("action")).isEqualTo("pay");
            awaitBalance(node, recipient, "45000.00");
            assertThat(node.as("almaty").post("/v1/schedules", Map.of("to", recipient, "amount", "1.00",
                    "first", Instant.now().toString())).status()).isEqualTo(201); // the city pays from its own account
        }
        try (TestNode node = TestNode.start(dir)) {
            awaitBalance(node, recipient, "135000.00");
            JsonNode schedules = node.as("kazpost").get("/v1/schedules").json().get("schedules");
            assertThat(schedules).hasSize(1);
            assertThat(schedules.get(0).get("done").asInt()).isEqualTo(3);
            assertThat(schedules.get(0).has("next")).isFalse();
            Thread.sleep(1_000); // the scheduler keeps looking: nothing more is paid
            assertThat(ProgramClient.balance(node, "halyk", recipient)).isEqualTo("135000.00");
        }
    }

    @Test
    void atThePeriodsEndTheUnspentAllowanceGoesBackToTheCity() throws Exception {
        try (TestNode node = TestNode.start(dir)) {
            ApiClient almaty = node.as("almaty");
            ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), node.address("almaty"), "10000.00");
            ApiClient.Answer deployed = almaty.post("/v1/programs", Map.of("template", "gate", "name", "Meals",
                    "condition", "credit == '" + node.address("canteen") + "'", "returnAccount", node.address("almaty")));
            int program = deployed.json().get("id").asInt();
            SigningKey[] keys = {SigningKey.generate(RANDOM), SigningKey.generate(RANDOM)};
            String[] allowances = new String[2];
            for (int i = 0; i < 2; i++) {
                String wallet = ProgramClient.wallet(node, keys[i], "retail");
                allowances[i] = almaty.post("/v1/programs/" + program + "/accounts", Map.of("wallet", wallet,
                        "dailyLimit", "10.00")).text("account");
                ProgramClient.payOwn(almaty, node.address("almaty"), allowances[i], "3000.00");
            }
            assertThat(node.as("halyk").post("/v1/payments", ProgramClient.payment(keys[0], allowances[0],
                    node.address("canteen"), "7.50", 0)).status()).isEqualTo(200);
            String cityBefore = ProgramClient.balance(node, "almaty", node.address("almaty"));

            ApiClient.Answer sweep = almaty.post("/v1/programs/" + program + "/sweeps", Map.of("at", Instant.now().toString()));
            assertThat(sweep.status()).as(sweep.toString()).isEqualTo(201);
            awaitBalance(node, allowances[0], "0.00");
            awaitBalance(node, allowances[1], "0.00");
            long returned = tiyn(ProgramClient.balance(node, "almaty", node.address("almaty"))) - tiyn(cityBefore);
            assertThat(returned).as("above the allowances' daily cap of 10.00").isEqualTo(299_250 + 300_000);
            assertThat(node.as("src").post("/v1/programs/" + program + "/sweeps", Map.of("at", Instant.now().toString()))
                    .status()).isEqualTo(403);
        }
    }

    @Test
    void everyEnrolledChildReceivesTheDailyAllowance() throws Exception {
        try (TestNode node = TestNode.start(dir)) {
            ApiClient almaty = node.as("almaty");
            ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), node.address("almaty"), "1000.00");
            int program = almaty.post("/v1/programs", Map.of("template", "gate", "name", "Meals",
                    "condition", "credit == '" + node.address("canteen") + "'", "returnAccount", node.address("almaty")))
                    .json().get("id").asInt();
            String[] allowances = new String[3];
            for (int i = 0; i < allowances.length; i++) {
                String wallet = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "retail");
                allowances[i] = almaty.post("/v1/programs/" + program + "/accounts", Map.of("wallet", wallet)).text("account");
            }
            ApiClient.Answer scheduled = almaty.post("/v1/programs/" + program + "/allowances", Map.of("amount", "15.00",
                    "first", Instant.now().minusSeconds(1).toString(), "intervalSeconds", 1, "count", 2));
            assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
            assertThat(scheduled.text("action")).isEqualTo("allowance");
            for (String allowance : allowances) {
                awaitBalance(node, allowance, "30.00");
            }
            assertThat(ProgramClient.balance(node, "almaty", node.address("almaty"))).isEqualTo("910.00");
            assertThat(node.as("src").post("/v1/programs/" + program + "/allowances", Map.of("amount", "1.00",
                    "first", Instant.now().toString())).status()).isEqualTo(403);
        }
    }

    @Test
    void badSchedulesAreRefused() throws Exception {
        try (TestNode node = TestNode.start(dir)) {
            ApiClient kazpost = node.as("kazpost");
            assertThat(kazpost.post("/v1/schedules", Map.of("to", node.address("nurlan"), "amount", "1.00", "first", "tomorrow"))
                    .type()).endsWith("invalid-field");
            assertThat(kazpost.post("/v1/schedules", Map.of("to", node.address("nurlan"), "amount", "1.00",
                    "first", Instant.now().toString(), "count", 2)).type()).endsWith("invalid-field");
            assertThat(node.as("audit").post("/v1/schedules", Map.of("to", node.address("nurlan"), "amount", "1.00",
                    "first", Instant.now().toString())).status()).isEqualTo(403);
        }
    }

    private static long tiyn(String balance) {
        return Long.parseLong(balance.replace(".", ""));
    }

    private static void awaitBalance(TestNode node, String address, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        String servicer = "halyk";
        while (!ProgramClient.balance(node, servicer, address).equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProgramClient.balance(node, servicer, address)).isEqualTo(expected);
    }
}
