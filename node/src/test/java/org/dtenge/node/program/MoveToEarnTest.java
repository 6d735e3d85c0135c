package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Move-to-earn end to end: a fitness app (an app provider) runs a reward pool that Magnum sponsors;
 * the app submits signed daily step counts; 1 tenge per 1,000 steps, capped per day and per month;
 * duplicates ignored, implausible counts refused, and a dry pool stops cleanly.
 */
class MoveToEarnTest extends EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(5));

    static ApiClient app;

    @BeforeAll
    static void start() throws Exception {
        SigningKey key = SigningKey.generate(RANDOM);
        ApiClient.Answer registered = node.as("nbk").post("/v1/participants", Map.of("id", "qadam", "code", 7701,
                "name", "Qadam fitness app", "role", "APP_PROVIDER", "publicKey", Base64Url.encode(key.publicKey())));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        app = node.as("qadam", key);
        ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), node.address("magnum"), "10000.00"); // the sponsor's money
    }

    /** A pool with 1 tenge per 1,000 steps, 15 tenge a day, {@code monthly} a month; sponsored by Magnum. */
    private static int pool(String monthly, String funding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "reward-pool");
        body.put("name", "Steps for tenge");
        body.put("condition", "credit_kind == 'RETAIL'");
        body.put("rewardPer1000Steps", "1.00");
        body.put("dailyCap", "15.00");
        body.put("monthlyCap", monthly);
        body.put("plausibleStepsMax", 60_000);
        body.put("rewardPurpose", 1201);
        ApiClient.Answer deployed = app.post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        int program = deployed.json().get("id").asInt();
        ApiClient.Answer enrolled = app.post("/v1/programs/" + program + "/accounts", Map.of("wallet", node.address("magnum")));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        ApiClient.Answer funded = node.as("halyk").post("/v1/payments", Orders.payment(node.key("magnum"), Orders.id(),
                node.address("magnum"), enrolled.text("account"), funding));
        assertThat(funded.status()).as(funded.toString()).isEqualTo(200);
        return program;
    }

    private static ApiClient.Answer steps(int program, String wallet, LocalDate day, long steps) {
        return app.post("/v1/programs/" + program + "/steps", Map.of("wallet", wallet, "day", day.toString(), "steps", steps));
    }

    @Test
    void stepsEarnTengeWithDailyAndMonthlyCapsAndDuplicatesIgnored() {
        int program = pool("25.00", "1000.00");
        String walker = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "retail");
        ApiClient.Answer first = steps(program, walker, TODAY.minusDays(2), 7_999);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("reward")).isEqualTo("7.00");
        assertThat(first.text("outcome")).isEqualTo("paid");
        ApiClient.Answer again = steps(program, walker, TODAY.minusDays(2), 7_999);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("outcome")).isEqualTo("duplicate");
        assertThat(steps(program, walker, TODAY.minusDays(2), 12_000).text("outcome")).isEqualTo("duplicate");
        ApiClient.Answer capped = steps(program, walker, TODAY.minusDays(1), 40_000);
        assertThat(capped.text("reward")).isEqualTo("15.00"); // the daily cap
        assertThat(ProgramClient.balance(node, "halyk", walker)).isEqualTo("22.00");
        if (TODAY.minusDays(2).getMonth() == TODAY.getMonth()) {
            ApiClient.Answer monthly = steps(program, walker, TODAY, 40_000);
            assertThat(monthly.text("reward")).isEqualTo("3.00"); // 25.00 a month, 22.00 paid
            assertThat(ProgramClient.balance(node, "halyk", walker)).isEqualTo("25.00");
        }
    }

    @Test
    void concurrentCountsForOneWalletStayUnderTheMonthlyCap() throws Exception {
        int program = pool("20.00", "1000.00");
        String walker = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "retail");
        // The days of this month up to today (at most a week back): each alone would earn 15.00.
        java.util.List<LocalDate> days = new java.util.ArrayList<>();
        for (LocalDate d = TODAY; days.size() < 4 && !d.isBefore(TODAY.minusDays(StepRewards.DAYS_LATE_MAX))
                && d.getMonth() == TODAY.getMonth(); d = d.minusDays(1)) {
            days.add(d);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(days.size() >= 2, "two days of this month are needed: today is the 1st");
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<ApiClient.Answer>> answers = new java.util.ArrayList<>();
            for (LocalDate day : days) {
                answers.add(pool.submit(() -> steps(program, walker, day, 40_000)));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isIn(200, 201);
            }
        }
        assertThat(ProgramClient.balance(node, "halyk", walker)).isEqualTo("20.00"); // 15.00 + 5.00, never 30.00
    }

    @Test
    void implausibleCountsAndBadDaysAreRefused() {
        int program = pool("300.00", "100.00");
        String walker = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "retail");
        ApiClient.Answer implausible = steps(program, walker, TODAY, 250_000);
        assertThat(implausible.status()).isEqualTo(422);
        assertThat(implausible.type()).endsWith("implausible-steps");
        assertThat(steps(program, walker, TODAY, -5).type()).endsWith("implausible-steps");
        assertThat(steps(program, walker, TODAY.plusDays(1), 5_000).type()).endsWith("invalid-field");
        assertThat(steps(program, walker, TODAY.minusDays(30), 5_000).type()).endsWith("invalid-field");
        assertThat(ProgramClient.balance(node, "halyk", walker)).isEqualTo("0.00");
        assertThat(node.as("halyk").post("/v1/programs/" + program + "/steps", Map.of("wallet", walker, "day",
                TODAY.toString(), "steps", 5_000)).status()).isEqualTo(403); // only the app that owns the pool
    }

    @Test
    void aDryPoolStopsCleanly() {
        int program = pool("300.00", "20.00");
        String[] walkers = new String[3];
        for (int i = 0; i < walkers.length; i++) {
            walkers[i] = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "retail");
        }
        assertThat(steps(program, walkers[0], TODAY, 15_000).text("reward")).isEqualTo("15.00");
        ApiClient.Answer dry = steps(program, walkers[1], TODAY, 15_000);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(422);
        assertThat(dry.type()).endsWith("insufficient-funds");
        assertThat(dry.text("detail")).contains("run dry");
        assertThat(ProgramClient.balance(node, "halyk", walkers[1])).isEqualTo("0.00");
        assertThat(steps(program, walkers[2], TODAY, 5_000).text("reward")).isEqualTo("5.00"); // what is left still pays
    }

    @Test
    void thePoolPaysNothingButRewards() {
        int program = pool("300.00", "50.00");
        String poolAccount = app.post("/v1/programs/" + program + "/accounts", Map.of("wallet", node.address("magnum")))
                .text("account");
        ApiClient.Answer raid = node.as("halyk").post("/v1/payments", ProgramClient.payment(node.key("magnum"), poolAccount,
                node.address("aigerim"), "10.00", 0));
        assertThat(raid.type()).as(raid.toString()).endsWith("program-declined");
        assertThat(raid.text("detail")).contains("only rewards");
    }
}
