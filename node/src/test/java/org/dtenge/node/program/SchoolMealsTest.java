package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * School meals end to end through the HTTP API: Almaty deploys the allowance contract, enrols a
 * child's wallet, funds the allowance, and the child pays the canteen (allowed), a supermarket
 * (declined with the contract's reason), above the daily cap (declined by the ledger); the city sees
 * spending per canteen; pausing, retiring and their refusals.
 */
class SchoolMealsTest extends EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiClient almaty;

    @BeforeAll
    static void start() throws Exception {
        almaty = node.as("almaty");
        ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), node.address("almaty"), "1000000.00");
    }

    record Child(SigningKey key, String wallet, String allowance) {}

    private static int deployMeals(String extraCondition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "gate");
        body.put("name", "School meals, Almaty");
        body.put("condition", "credit in ['" + node.address("canteen") + "'] && weekday <= 5" + extraCondition);
        body.put("sides", "debits");
        body.put("returnAccount", node.address("almaty"));
        ApiClient.Answer deployed = almaty.post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        assertThat(deployed.text("status")).isEqualTo("active");
        return deployed.json().get("id").asInt();
    }

    private static Child enrolled(int program, String dailyCap, String allowance) {
        SigningKey key = SigningKey.generate(RANDOM);
        String wallet = ProgramClient.wallet(node, key, "retail");
        ApiClient.Answer enrolled = almaty.post("/v1/programs/" + program + "/accounts", Map.of("wallet", wallet,
                "dailyLimit", dailyCap));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String account = enrolled.text("account");
        assertThat(account).isNotEqualTo(wallet);
        ProgramClient.payOwn(almaty, node.address("almaty"), account, allowance);
        return new Child(key, wallet, account);
    }

    private static ApiClient.Answer pay(Child child, String payee, String amount) {
        return node.as("halyk").post("/v1/payments", ProgramClient.payment(child.key(), child.allowance(), payee, amount, 0));
    }

    @Test
    void theAllowanceBuysMealsAtTheCanteenOnlyOnSchoolDaysAndUpToTheCap() throws Exception {
        int program = deployMeals("");
        Child child = enrolled(program, "1500.00", "5000.00");
        boolean schoolDay = ProgramClient.weekday() <= 5;

        ApiClient.Answer meal = pay(child, node.address("canteen"), "1200.00");
        if (schoolDay) {
            assertThat(meal.status()).as(meal.toString()).isEqualTo(200);
            ApiClient.Answer overCap = pay(child, node.address("canteen"), "400.00");
            assertThat(overCap.type()).as(overCap.toString()).endsWith("daily-limit-exceeded");
        } else {
            assertThat(meal.type()).as(meal.toString()).endsWith("program-declined");
        }
        ApiClient.Answer elsewhere = pay(child, node.address("magnum"), "100.00");
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(422);
        assertThat(elsewhere.type()).endsWith("program-declined");
        assertThat(elsewhere.text("detail")).contains("condition does not allow").contains("reason 1001");
        assertThat(ProgramClient.balance(node, "halyk", child.allowance())).isEqualTo(schoolDay ? "3800.00" : "5000.00");
        assertThat(ProgramClient.balance(node, "halyk", child.wallet())).isEqualTo("0.00"); // never mixed

        if (schoolDay) {
            // One child's spending at a canteen would be that child's: shown only from two children on (group minimum 2).
            Child other = enrolled(program, "1500.00", "100.00");
            assertThat(pay(other, node.address("canteen"), "20.00").status()).isEqualTo(200);
            JsonNode spending = awaitSpending(program, 1);
            assertThat(spending).hasSize(1);
            assertThat(spending.get(0).get("payee").asText()).isEqualTo(node.address("canteen"));
            assertThat(spending.get(0).get("payers").asInt()).isEqualTo(2);
            assertThat(spending.get(0).get("amount").asText()).isEqualTo("1220.00");
            assertThat(spending.toString()).doesNotContain(child.allowance()).doesNotContain(child.wallet());
        }
    }

    @Test
    void theServicerCannotMoveTopUpOrUncapAnAllowance() {
        int program = deployMeals("");
        Child child = enrolled(program, "1500.00", "100.00");
        ApiClient halyk = node.as("halyk");
        ApiClient.Answer unsigned = halyk.post("/v1/payments/batch", Map.of("items", java.util.List.of(Map.of("id",
                org.dtenge.node.Orders.id(), "payer", child.allowance(), "payee", node.address("canteen"), "amount", "1.00"))));
        assertThat(unsigned.json().get("items").get(0).get("type").asText()).endsWith("invalid-payment-signature");
        assertThat(halyk.post("/v1/wallets/" + child.allowance() + "/tier", Map.of("tier", "full")).type())
                .endsWith("not-permitted");
        assertThat(halyk.post("/v1/cash-in", Map.of("id", org.dtenge.node.Orders.id(), "wallet", child.allowance(),
                "amount", "5.00")).type()).endsWith("not-permitted");
        assertThat(ProgramClient.balance(node, "halyk", child.allowance())).isEqualTo("100.00");
    }

    @Test
    void aHolidayIsNotASchoolDay() {
        int program = deployMeals(" && !(day in [" + ProgramClient.today() + "])");
        Child child = enrolled(program, "1500.00", "100.00");
        ApiClient.Answer meal = pay(child, node.address("canteen"), "10.00");
        assertThat(meal.type()).as(meal.toString()).endsWith("program-declined");
    }

    @Test
    void pausedProgramsDeclineButMoneyStillReturnsToTheCity() {
        int program = deployMeals("");
        Child child = enrolled(program, "1500.00", "1000.00");
        assertThat(node.as("src").post("/v1/programs/" + program + "/pause", Map.of()).status()).isEqualTo(403);
        ApiClient.Answer paused = almaty.post("/v1/programs/" + program + "/pause", Map.of());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.text("status")).isEqualTo("paused");
        ApiClient.Answer meal = pay(child, node.address("canteen"), "10.00");
        assertThat(meal.type()).endsWith("program-declined");
        assertThat(meal.text("detail")).contains("paused");
        ApiClient.Answer home = pay(child, node.address("almaty"), "900.00");
        assertThat(home.status()).as(home.toString()).isEqualTo(200);

        assertThat(almaty.post("/v1/programs/" + program + "/retire", Map.of()).text("status")).isEqualTo("retired");
        ApiClient.Answer resume = almaty.post("/v1/programs/" + program + "/resume", Map.of());
        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.type()).endsWith("program-status-conflict");
        assertThat(almaty.get("/v1/programs/" + program).text("status")).isEqualTo("retired");
    }

    @Test
    void aBadConditionIsRefusedWithTheCelErrorAndPosition() {
        ApiClient.Answer bad = almaty.post("/v1/programs", Map.of("template", "gate", "name", "Typo",
                "condition", "amount < 100 && colour == 'red'"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.type()).endsWith("invalid-condition");
        assertThat(bad.text("detail")).contains("line 1, column 17").contains("colour");
        ApiClient.Answer notBool = almaty.post("/v1/programs", Map.of("template", "gate", "name", "Sum", "condition", "amount + 1"));
        assertThat(notBool.type()).endsWith("invalid-condition");
    }

    @Test
    void onlyPermittedRolesDeployAndOnlyOwnersEnrol() {
        ApiClient.Answer bank = node.as("halyk").post("/v1/programs", Map.of("template", "gate", "name", "Mine", "condition", "true"));
        assertThat(bank.status()).isEqualTo(403);
        assertThat(bank.type()).endsWith("role-not-permitted");
        int program = deployMeals("");
        ApiClient.Answer foreign = node.as("src").post("/v1/programs/" + program + "/accounts",
                Map.of("wallet", node.address("aigerim")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(node.as("halyk").get("/v1/programs/999999").type()).endsWith("program-not-found");
    }

    @Test
    void programsAreListedWithVersions() {
        int first = deployMeals("");
        int second = deployMeals("");
        JsonNode list = almaty.get("/v1/programs").json().get("programs");
        long v1 = 0;
        long v2 = 0;
        for (JsonNode p : list) {
            if (p.get("id").asInt() == first) {
                v1 = p.get("version").asLong();
            }
            if (p.get("id").asInt() == second) {
                v2 = p.get("version").asLong();
            }
        }
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(almaty.get("/v1/programs/" + second).text("template")).isEqualTo("gate");
    }

    private static JsonNode awaitSpending(int program, int payees) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            JsonNode rows = almaty.get("/v1/programs/" + program + "/spending").json().get("payees");
            if (rows.size() >= payees && rows.get(0).get("amount").asText().equals("1220.00")
                    || System.currentTimeMillis() > deadline) {
                return rows;
            }
            Thread.sleep(20);
        }
    }
}
