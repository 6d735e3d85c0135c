package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The network grows without a restart; supply, head, statistics and merchant QR codes. */
class NetworkAndQueriesTest extends EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiClient nbk;

    @BeforeAll
    static void start() throws Exception {
        nbk = node.as("nbk");
    }

    private static Map<String, Object> registration(String id, long code, String role, SigningKey key) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("code", code);
        body.put("name", "Otbasy Bank");
        body.put("role", role);
        body.put("publicKey", Base64Url.encode(key.publicKey()));
        return body;
    }

    @Test
    void theCentralBankRegistersABankThatCanWorkAtOnce() {
        SigningKey key = SigningKey.generate(RANDOM);
        Map<String, Object> body = registration("otbasy", 8801, "BANK", key);
        ApiClient.Answer registered = nbk.post("/v1/participants", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String reserve = registered.text("account");
        assertThat(reserve).isEqualTo(AccountId.derive(8801, org.dtenge.ledger.AccountKind.BANK_RESERVE, key.publicKey()).address());
        assertThat(nbk.post("/v1/participants", body).status()).isEqualTo(200);
        assertThat(nbk.get("/v1/participants/otbasy").text("role")).isEqualTo("BANK");
        ApiClient otbasy = node.as("otbasy", key);
        assertThat(otbasy.get("/v1/supply").status()).isEqualTo(200);
        assertThat(nbk.post("/v1/issuance", Map.of("id", Orders.id(), "bank", "otbasy", "amount", "1000.00")).status()).isEqualTo(201);
        SigningKey customer = SigningKey.generate(RANDOM);
        String wallet = otbasy.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(customer.publicKey()), "kind", "retail",
                "tier", "anonymous")).text("address");
        assertThat(otbasy.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet, "amount", "400.00")).status()).isEqualTo(201);
        assertThat(otbasy.get("/v1/wallets/" + reserve).text("balance")).isEqualTo("600.00");
    }

    @Test
    void conflictingOrInvalidRegistrationsAreRefusedAndChangeNothing() {
        LedgerState before = LedgerState.of(node);
        SigningKey key = SigningKey.generate(RANDOM);
        ApiClient.Answer sameId = nbk.post("/v1/participants", registration("halyk", 9999, "BANK", key));
        assertThat(sameId.status()).isEqualTo(409);
        assertThat(sameId.type()).isEqualTo("participant-exists");
        assertThat(nbk.post("/v1/participants", registration("newbank", 601, "BANK", key)).type()).isEqualTo("participant-exists");
        assertThat(nbk.post("/v1/participants", registration("nbk2", 2, "CENTRAL_BANK", key)).type()).isEqualTo("not-permitted");
        assertThat(nbk.post("/v1/participants", registration("Bad Id", 9998, "BANK", key)).type()).isEqualTo("invalid-field");
        assertThat(nbk.post("/v1/participants", registration("newbank", 0, "BANK", key)).type()).isEqualTo("invalid-field");
        assertThat(nbk.post("/v1/participants", registration("newbank", 9997, "WIZARD", key)).type()).isEqualTo("invalid-field");
        Map<String, Object> longName = registration("newbank", 9996, "BANK", key);
        longName.put("name", "Қазақстан Халық Жинақ Банкі Акционерлік Қоғамы Филиалы");
        assertThat(nbk.post("/v1/participants", longName).type()).isEqualTo("invalid-field");
        before.unchangedIn(node);
        assertThat(nbk.get("/v1/participants").json().get("participants").size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void anAcquirerOpensMerchantWalletsOnly() {
        SigningKey key = SigningKey.generate(RANDOM);
        assertThat(nbk.post("/v1/participants", registration("kaspiqr", 8802, "MERCHANT_ACQUIRER", key)).status()).isEqualTo(201);
        ApiClient acquirer = node.as("kaspiqr", key);
        String owner = Base64Url.encode(SigningKey.generate(RANDOM).publicKey());
        assertThat(acquirer.post("/v1/wallets", Map.of("ownerKey", owner, "kind", "merchant", "tier", "full")).status()).isEqualTo(201);
        assertThat(acquirer.post("/v1/wallets", Map.of("ownerKey", owner, "kind", "retail", "tier", "full")).status()).isEqualTo(403);
        assertThat(acquirer.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", node.address("magnum"), "amount", "1.00"))
                .type()).isEqualTo("role-not-permitted");
    }

    @Test
    void theHeadIsADurableBatchAndItsHash() {
        JsonNode head = node.as("audit").get("/v1/journal/head").json();
        assertThat(head.get("sequence").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(head.get("hash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void statisticsShowAggregatesAndSuppressSmallGroups() throws InterruptedException {
        ApiClient halyk = node.as("halyk");
        for (int i = 0; i < 3; i++) {
            SigningKey key = SigningKey.generate(RANDOM);
            String wallet = halyk.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(key.publicKey()), "kind", "retail",
                    "tier", "anonymous")).text("address");
            halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet, "amount", "100.00"));
            halyk.post("/v1/payments", Orders.payment(key, Orders.id(), wallet, node.address("magnum"), "10.00"));
        }
        // One lone payer at Bank CenterCredit: a group of one wallet, never shown.
        node.as("bcc").post("/v1/payments", Orders.payment(node.key("canteen"), Orders.id(), node.address("canteen"),
                node.address("magnum"), "0.01"));
        String today = LocalDate.now(ZoneOffset.ofHours(5)).toString();
        JsonNode halykPayments = awaitGroup(nbk, today, 601, "payment", 3);
        assertThat(halykPayments.get("volume").asText()).isEqualTo("30.00");
        JsonNode all = nbk.get("/v1/statistics?from=" + today + "&to=" + today).json();
        assertThat(all.get("minimumGroupSize").asInt()).isEqualTo(2);
        for (JsonNode group : all.get("groups")) {
            assertThat(group.get("wallets").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(group.get("intermediary").asLong() == 856 && group.get("category").asText().equals("payment")).isFalse();
        }
        for (JsonNode group : halyk.get("/v1/statistics").json().get("groups")) {
            assertThat(group.get("intermediary").asLong()).isEqualTo(601);
        }
    }

    private static JsonNode awaitGroup(ApiClient client, String day, long intermediary, String category, long count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            for (JsonNode group : client.get("/v1/statistics?from=" + day).json().get("groups")) {
                if (group.get("intermediary").asLong() == intermediary && group.get("category").asText().equals(category)
                        && group.get("count").asLong() >= count) {
                    return group;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + category + " group of " + intermediary + " with " + count + " transfers");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aMerchantQrCodeRoundTripsAndADamagedOneIsRefused() {
        ApiClient halyk = node.as("halyk");
        ApiClient.Answer generated = halyk.post("/v1/merchant-qr", Map.of("merchant", node.address("magnum"), "amount", "1500.00",
                "reference", "CHECK-0042", "name", "MAGNUM", "city", "ALMATY"));
        assertThat(generated.status()).as(generated.toString()).isEqualTo(200);
        String payload = generated.text("payload");
        assertThat(payload).startsWith("000201010212").contains("KZ.DTENGE").contains(node.address("magnum")).contains("5303398");
        ApiClient.Answer parsed = node.as("kazpost").post("/v1/merchant-qr/parse", Map.of("payload", payload));
        assertThat(parsed.status()).isEqualTo(200);
        JsonNode dtenge = parsed.json().get("dtenge");
        assertThat(dtenge.get("merchant").asText()).isEqualTo(node.address("magnum"));
        assertThat(dtenge.get("amount").asText()).isEqualTo("1500.00");
        assertThat(dtenge.get("reference").asText()).isEqualTo("CHECK-0042");
        assertThat(dtenge.get("name").asText()).isEqualTo("MAGNUM");
        String damaged = payload.replace("1500.00", "9500.00");
        ApiClient.Answer refused = halyk.post("/v1/merchant-qr/parse", Map.of("payload", damaged));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.type()).isEqualTo("invalid-qr");
        assertThat(refused.text("detail")).contains("CRC");
        String pix = "00020104141234567890123426580014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-42665544000027300012BR.COM.OUTRO"
                + "011001234567895204000053039865406123.455802BR5917NOME DO RECEBEDOR6008BRASILIA61087007490080390012BR.COM.OUTRO"
                + "01190123.ABCD.3456.WXYZ6304549C";
        ApiClient.Answer foreign = halyk.post("/v1/merchant-qr/parse", Map.of("payload", pix));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json().has("dtenge")).isFalse();
        assertThat(foreign.json().get("fields").get(2).get("fields").get(0).get("value").asText()).isEqualTo("BR.GOV.BCB.PIX");
        String nowhere = AccountId.derive(1, org.dtenge.ledger.AccountKind.MERCHANT, new byte[32]).address();
        assertThat(halyk.post("/v1/merchant-qr", Map.of("merchant", nowhere, "name", "X", "city", "Y")).status()).isEqualTo(404);
        assertThat(halyk.post("/v1/merchant-qr", Map.of("merchant", node.address("magnum"), "name", "A".repeat(26), "city", "Y"))
                .type()).isEqualTo("invalid-field");
    }
}
