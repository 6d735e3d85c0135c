package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.RouteSweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of every kind is answered 4xx with a specific problem type and detail, and changes nothing. */
class BadInputTest extends EndToEndTest {
    static LedgerState genesis;

    @BeforeAll
    static void start() throws Exception {
        genesis = LedgerState.of(node);
    }

    @AfterAll
    static void stop() {
        // Every test here was refused before the ledger: the whole run left the journal as genesis made it.
        genesis.unchangedIn(node);
    }

    private static ApiClient.Answer cashIn(String body) {
        return node.as("halyk").post("/v1/cash-in", body);
    }

    private static String cashInBody(String amountJson) {
        return "{\"id\":\"" + Orders.id() + "\",\"wallet\":\"" + node.address("aigerim") + "\",\"amount\":" + amountJson + "}";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"id\":                                  | malformed-json",
        "not json at all                           | malformed-json",
        "[]                                        | wrong-type",
        "null                                      | malformed-json",
        "{\"id\":\"a\",\"id\":\"b\"}               | malformed-json",
        "{\"id\":\"00000000000000000000000000000001\",\"wallet\":\"x\",\"amount\":\"1\",\"colour\":\"red\"} | unknown-field",
        "{\"id\":\"00000000000000000000000000000001\",\"amount\":\"1.00\"} | missing-field",
        "{\"id\":7,\"wallet\":\"x\",\"amount\":\"1\"} | wrong-type",
    })
    void malformedBodiesAre400(String body, String type) {
        ApiClient.Answer answer = cashIn(body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(type);
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.text("instance")).isEqualTo("/v1/cash-in");
    }

    @Test
    void anUnknownFieldIsNamed() {
        ApiClient.Answer answer = cashIn("{\"id\":\"00000000000000000000000000000001\",\"wallet\":\"x\",\"amount\":\"1\",\"colour\":1}");
        assertThat(answer.text("detail")).contains("colour").contains("amount");
    }

    @ParameterizedTest(name = "amount {0}")
    @CsvSource(delimiter = '|', value = {
        "1500                  | wrong-type",
        "1500.00               | wrong-type",
        "\"0\"                 | invalid-amount",
        "\"0.00\"              | invalid-amount",
        "\"-5.00\"             | invalid-amount",
        "\"1.005\"             | invalid-amount",
        "\"1,50\"              | invalid-amount",
        "\"1e3\"               | invalid-amount",
        "\"\"                  | invalid-amount",
        "\"92233720368547758.08\" | invalid-amount",
        "\"999999999999999999999\" | invalid-amount",
        "true                  | wrong-type",
    })
    void amountsOutOfRangeOrNotStringsAre400(String amount, String type) {
        ApiClient.Answer answer = cashIn(cashInBody(amount));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(type);
    }

    @Test
    void aMistypedAddressIsCaughtByItsCheckDigits() {
        String address = node.address("aigerim");
        char wrong = address.charAt(10) == '7' ? '8' : '7';
        String typo = address.substring(0, 10) + wrong + address.substring(11);
        ApiClient.Answer answer = node.as("halyk").post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", typo, "amount", "1.00"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("invalid-address");
        assertThat(answer.text("detail")).contains("check digits").contains("typo");
        ApiClient.Answer path = node.as("halyk").get("/v1/wallets/" + typo);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.type()).isEqualTo("invalid-address");
        ApiClient.Answer shortOne = node.as("halyk").get("/v1/wallets/DT12ABC");
        assertThat(shortOne.text("detail")).contains("20 characters");
    }

    @Test
    void badIdsKeysSignaturesAndTiersAre400() {
        ApiClient halyk = node.as("halyk");
        assertThat(halyk.post("/v1/cash-in", Map.of("id", "xyz", "wallet", node.address("aigerim"), "amount", "1.00")).type())
                .isEqualTo("invalid-id");
        assertThat(halyk.post("/v1/cash-in", Map.of("id", "0".repeat(32), "wallet", node.address("aigerim"), "amount", "1.00")).type())
                .isEqualTo("invalid-id");
        assertThat(halyk.post("/v1/wallets", Map.of("ownerKey", "AAAA", "kind", "retail", "tier", "anonymous")).type())
                .isEqualTo("invalid-key");
        assertThat(halyk.post("/v1/wallets", Map.of("ownerKey", "A".repeat(43), "kind", "retail", "tier", "anonymous")).type())
                .isEqualTo("invalid-key");
        String key = org.dtenge.node.auth.Base64Url.encode(node.key("aigerim").publicKey());
        assertThat(halyk.post("/v1/wallets", Map.of("ownerKey", key, "kind", "savings", "tier", "anonymous")).type())
                .isEqualTo("invalid-field");
        ApiClient.Answer tier = halyk.post("/v1/wallets", Map.of("ownerKey", key, "kind", "retail", "tier", "platinum"));
        assertThat(tier.type()).isEqualTo("invalid-field");
        assertThat(tier.text("detail")).contains("anonymous", "simplified", "full");
        Map<String, Object> payment = new LinkedHashMap<>(Orders.payment(node.key("aigerim"), Orders.id(),
                node.address("aigerim"), node.address("magnum"), "10.00"));
        payment.put("signature", "not-a-signature!");
        assertThat(halyk.post("/v1/payments", payment).type()).isEqualTo("invalid-payment-signature");
        payment.put("signature", org.dtenge.node.auth.Base64Url.encode(new byte[64]));
        ApiClient.Answer forged = halyk.post("/v1/payments", payment);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.type()).isEqualTo("invalid-payment-signature");
    }

    @Test
    void aPaymentSignedForAnotherAmountDoesNotVerify() {
        Map<String, Object> payment = new LinkedHashMap<>(Orders.payment(node.key("aigerim"), Orders.id(),
                node.address("aigerim"), node.address("magnum"), "10.00"));
        payment.put("amount", "10000.00");
        ApiClient.Answer answer = node.as("halyk").post("/v1/payments", payment);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("invalid-payment-signature");
    }

    @Test
    void badQueryParametersAre400() {
        ApiClient halyk = node.as("halyk");
        String history = "/v1/wallets/" + node.address("aigerim") + "/history";
        assertThat(halyk.get(history + "?limit=0").type()).isEqualTo("invalid-parameter");
        assertThat(halyk.get(history + "?limit=abc").type()).isEqualTo("invalid-parameter");
        assertThat(halyk.get(history + "?before=yesterday").type()).isEqualTo("invalid-parameter");
        assertThat(node.as("nbk").get("/v1/statistics?from=2026-13-01").type()).isEqualTo("invalid-parameter");
        assertThat(node.as("nbk").get("/v1/statistics?from=2026-02-01&to=2026-01-01").type()).isEqualTo("invalid-parameter");
        assertThat(halyk.get("/v1/payments/not-an-id").type()).isEqualTo("invalid-id");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"id\":\"" + "a".repeat(70_000) + "\"}";
        ApiClient.Answer answer = cashIn(big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.type()).isEqualTo("request-too-large");
        assertThat(answer.text("detail")).contains("65536");
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimit() {
        // No Content-Length: the node reads until the limit, and refuses what goes beyond it.
        ApiClient.Answer big = node.as("halyk").postChunked("/v1/cash-in", "{\"id\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.type()).isEqualTo("request-too-large");
        assertThat(big.text("detail")).contains("65537 read");
        ApiClient.Answer cut = node.as("halyk").postChunked("/v1/cash-in", "{\"id\":");
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.type()).isEqualTo("malformed-json");
    }

    @Test
    void aBatchOfTooManyItemsIs400() {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 8191; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"1\",\"payer\":\"a\",\"payee\":\"b\",\"amount\":\"1\"}");
        }
        ApiClient.Answer answer = node.as("halyk").post("/v1/payments/batch", body.append("]}").toString());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("too-many-items");
    }

    @Test
    void aBatchItemOfTheWrongShapeNamesItsPlace() {
        String item = "{\"id\":\"" + Orders.id() + "\",\"payer\":\"" + node.address("halyk") + "\",\"payee\":\""
                + node.address("magnum") + "\",\"amount\":\"1.00\"";
        ApiClient.Answer unknown = node.as("halyk").post("/v1/payments/batch", "{\"items\":[" + item + "}," + item
                + ",\"colour\":\"red\"}]}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.type()).isEqualTo("unknown-field");
        assertThat(unknown.text("detail")).contains("items[1].colour");
        ApiClient.Answer number = node.as("halyk").post("/v1/payments/batch", "{\"items\":[" + item.replace("\"1.00\"", "1")
                + "}]}");
        assertThat(number.status()).as(number.toString()).isEqualTo(400);
        assertThat(number.type()).isEqualTo("wrong-type");
        assertThat(number.text("detail")).contains("items[0].amount");
        ApiClient.Answer nullItem = node.as("halyk").post("/v1/payments/batch", "{\"items\":[null]}");
        assertThat(nullItem.status()).as(nullItem.toString()).isEqualTo(200);
        assertThat(nullItem.json().get("items").get(0).get("type").asText()).endsWith("missing-field");
    }

    @Test
    void everySignedRouteRefusesAnUnsignedRequest() {
        RouteSweep.unsignedRequestsAre401(node);
    }

    @Test
    void everyRouteAnswersGarbageAndUnknownNamesWithAProblem() {
        for (String participant : new String[] {"halyk", "nbk", "kazpost", "src", "audit"}) {
            RouteSweep.badInputIsA4xxProblem(node, participant);
        }
    }

    @Test
    void unknownRoutesAre404ProblemDetails() {
        ApiClient.Answer answer = node.as("halyk").get("/v1/nothing-here");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.type()).isEqualTo("not-found");
        assertThat(node.as("halyk").get("/v1/participants/nobody").type()).isEqualTo("participant-not-found");
    }
}
