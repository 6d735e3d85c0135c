package org.dtenge.cards.onay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.ApiClient;
import org.dtenge.node.Orders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Onay card on a child's school-meals allowance: a tap at the school canteen's validator pays the
 * meal from the allowance, and nothing else: a bus ride with the same card is declined by the program,
 * the daily cap holds, and the child's own wallet is never touched.
 */
class SchoolMealsOnayTest {
    @TempDir
    static Path dir;
    static CardsFixture f;
    static ApiClient almaty;
    static String canteen;

    @BeforeAll
    static void start() throws Exception {
        f = CardsFixture.start(dir, 600);
        almaty = f.node.as("almaty");
        canteen = f.node.address("canteen");
        payOwn(f.halyk, f.node.address("halyk"), f.node.address("almaty"), "100000.00"); // the city's budget
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "SCHOOL_CANTEEN", "fare", "1200.00", "payee", canteen))
                .status()).isEqualTo(200);
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "BUS", "fare", "200.00", "payee",
                f.wallet("merchant", "full", "0"))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** A participant pays from its own account (its request signature authorizes it). */
    private static void payOwn(ApiClient participant, String from, String to, String amount) {
        ApiClient.Answer answer = participant.post("/v1/payments/batch", Map.of("items", List.of(
                Map.of("id", Orders.id(), "payer", from, "payee", to, "amount", amount))));
        assertThat(answer.json().get("committed").asInt()).as(answer.toString()).isEqualTo(1);
    }

    private static int deployMeals() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "gate");
        body.put("name", "School meals by Onay, Almaty");
        body.put("condition", "credit in ['" + canteen + "'] && weekday <= 5");
        body.put("sides", "debits");
        body.put("returnAccount", f.node.address("almaty"));
        ApiClient.Answer deployed = almaty.post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        return deployed.json().get("id").asInt();
    }

    private static JsonNode upload(String validator, String pan, String route, long sequence) {
        ApiClient.Answer answer = f.halyk.post("/v1/onay/taps", Map.of("validator", validator, "taps", List.of(Map.of(
                "pan", pan, "routeType", route, "at", Instant.now().toString(), "sequence", sequence))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get(0);
    }

    @Test
    void anOnayCardOnTheAllowancePaysMealsAtTheCanteenOnly() {
        int program = deployMeals();
        String child = f.wallet("full", "500.00"); // the child's own money, at Halyk
        ApiClient.Answer enrolled = almaty.post("/v1/programs/" + program + "/accounts", Map.of("wallet", child,
                "dailyLimit", "1500.00"));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String allowance = enrolled.text("account");
        payOwn(almaty, f.node.address("almaty"), allowance, "5000.00");

        String visa = CardsFixture.newPan();
        ApiClient.Answer bankCard = f.issue("VISA_DEBIT", visa, allowance, "2030-12", "1000.00", "", List.of("IN_STORE"));
        assertThat(bankCard.status()).as("a bank card is for a customer's own wallet").isEqualTo(422);
        assertThat(bankCard.type()).endsWith("not-permitted");
        String pan = CardsFixture.newPan();
        ApiClient.Answer issued = f.issue("ONAY", pan, allowance, "2030-12", "5000.00", "", List.of("IN_STORE"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String canteenBefore = f.node.as("bcc").get("/v1/wallets/" + canteen).text("balance");

        boolean schoolDay = Instant.now().atOffset(ZoneOffset.ofHours(5)).getDayOfWeek().getValue() <= 5;
        JsonNode meal = upload("CANTEEN-7", pan, "SCHOOL_CANTEEN", 1);
        if (schoolDay) {
            assertThat(meal.get("status").asText()).as(meal.toString()).isEqualTo("paid");
            assertThat(f.wallet(allowance)).containsEntry("balance", "3800.00");
            assertThat(tiyn(f.node.as("bcc").get("/v1/wallets/" + canteen).text("balance")) - tiyn(canteenBefore))
                    .isEqualTo(120_000);
            JsonNode second = upload("CANTEEN-7", pan, "SCHOOL_CANTEEN", 2);
            assertThat(second.get("status").asText()).isEqualTo("refused");
            assertThat(second.get("reason").asText()).contains("daily limit");
        } else {
            assertThat(meal.get("status").asText()).isEqualTo("refused");
            assertThat(meal.get("reason").asText()).contains("declined by the program");
        }
        JsonNode ride = upload("BUS-12", pan, "BUS", 1);
        assertThat(ride.get("status").asText()).isEqualTo("refused");
        assertThat(ride.get("reason").asText()).contains("declined by the program").contains("reason 1001");
        assertThat(f.wallet(allowance)).containsEntry("balance", schoolDay ? "3800.00" : "5000.00");
        assertThat(f.wallet(child)).containsEntry("balance", "500.00"); // never mixed with the allowance
    }

    private static long tiyn(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
