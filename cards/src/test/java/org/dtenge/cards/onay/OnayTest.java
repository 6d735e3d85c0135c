package org.dtenge.cards.onay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Onay: a fare table per route type, validators uploading taps (late ones too), duplicates paid once. */
class OnayTest {
    @TempDir
    static Path dir;
    static CardsFixture f;
    static String carrier;

    @BeforeAll
    static void start() throws Exception {
        f = CardsFixture.start(dir, 600);
        carrier = f.wallet("merchant", "full", "0");
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "BUS", "fare", "200.00", "payee", carrier)).status())
                .isEqualTo(200);
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "metro", "fare", "250.00", "payee", carrier)).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String onayCard(String wallet) {
        String pan = CardsFixture.newPan();
        ApiClient.Answer issued = f.issue("ONAY", pan, wallet, "2030-12", "1000.00", "", List.of("IN_STORE"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return pan;
    }

    private static Map<String, Object> tap(String pan, String route, Instant at, long sequence) {
        return Map.of("pan", pan, "routeType", route, "at", at.toString(), "sequence", sequence);
    }

    private static JsonNode upload(String validator, List<Map<String, Object>> taps) {
        ApiClient.Answer answer = f.halyk.post("/v1/onay/taps", Map.of("validator", validator, "taps", taps));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void tapsPayTheFareToTheCarrierAndARepeatedUploadPaysOnce() {
        String wallet = f.wallet("anonymous", "1000.00");
        String pan = onayCard(wallet);
        String carrierBefore = f.wallet(carrier).get("balance");
        Instant now = Instant.now();
        List<Map<String, Object>> taps = List.of(tap(pan, "BUS", now, 1), tap(pan, "METRO", now, 2), tap(pan, "TROLLEYBUS", now, 3));
        JsonNode first = upload("V-0001", taps);
        assertThat(first.findValuesAsText("status")).containsExactly("paid", "paid", "refused");
        assertThat(first.get(2).get("reason").asText()).contains("no fare for TROLLEYBUS");
        assertThat(f.wallet(wallet)).containsEntry("balance", "550.00");
        // The validator was offline: it uploads again, with a tap from yesterday it had not sent yet.
        JsonNode again = upload("V-0001", List.of(taps.get(0), taps.get(1), tap(pan, "BUS", now.minus(1, ChronoUnit.DAYS), 4)));
        assertThat(again.findValuesAsText("status")).containsExactly("duplicate", "duplicate", "paid");
        assertThat(f.wallet(wallet)).containsEntry("balance", "350.00");
        assertThat(tiyn(f.wallet(carrier).get("balance")) - tiyn(carrierBefore)).isEqualTo(65_000);
        assertThat(upload("V-0002", List.of(tap(pan, "BUS", now, 1))).findValuesAsText("status"))
                .as("another validator's tap 1 is another tap").containsExactly("paid");
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "SUBURBAN", "fare", "100.00", "payee", carrier)).status())
                .isEqualTo(200);
        JsonNode suburban = upload("V-0003", List.of(tap(pan, "SUBURBAN", now, 1)));
        assertThat(suburban.findValuesAsText("status")).containsExactly("paid");
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "SUBURBAN", "fare", "120.00", "payee", carrier)).status())
                .isEqualTo(200);
        assertThat(upload("V-0003", List.of(tap(pan, "SUBURBAN", now, 1))).findValuesAsText("status"))
                .as("uploaded again after the fare changed: still the same tap").containsExactly("duplicate");
        assertThat(f.wallet(wallet)).containsEntry("balance", "50.00");
    }

    @Test
    void tapsThatCannotPayAreRefusedOneByOne() {
        String poor = f.wallet("anonymous", "100.00");
        String pan = onayCard(poor);
        CardsFixture.Issued visa = f.card("1000.00");
        String blockedPan = onayCard(f.wallet("anonymous", "1000.00"));
        String blockedId = f.halyk.get("/v1/cards").json().findParents("lastFour").stream()
                .filter(c -> c.get("lastFour").asText().equals(blockedPan.substring(12))).findFirst().orElseThrow().get("id").asText();
        f.halyk.post("/v1/cards/" + blockedId + "/status", Map.of("status", "BLOCKED"));
        Instant now = Instant.now();
        JsonNode results = upload("V-0003", List.of(tap(pan, "BUS", now, 1), tap(visa.pan(), "BUS", now, 2),
                tap(blockedPan, "BUS", now, 3), tap("4242424242424241", "BUS", now, 4), tap(CardsFixture.newPan(), "BUS", now, 5)));
        assertThat(results.findValuesAsText("status")).containsOnly("refused");
        assertThat(results.findValuesAsText("reason")).containsExactly("insufficient funds", "not an Onay card", "card blocked",
                "not a card number", "no such card of halyk");
        assertThat(f.wallet(poor)).containsEntry("balance", "100.00");
    }

    @Test
    void aValidatorUploadsUpTo1000TapsAtOnceAndNoMore() {
        String wallet = f.wallet("anonymous", "1000.00");
        String pan = onayCard(wallet);
        Instant now = Instant.now();
        List<Map<String, Object>> taps = new java.util.ArrayList<>();
        for (int i = 1; i <= Validators.TAPS_MAX; i++) {
            taps.add(tap(pan, "BUS", now, i)); // more than the wallet can pay: the rest are refused, one by one
        }
        JsonNode answer = upload("V-FULL", taps); // about 90 KB, more than an ordinary request may carry
        assertThat(answer).hasSize(Validators.TAPS_MAX);
        assertThat(answer.get(0).get("status").asText()).isEqualTo("paid");
        taps.add(tap(pan, "BUS", now, Validators.TAPS_MAX + 1));
        ApiClient.Answer tooMany = f.halyk.post("/v1/onay/taps", Map.of("validator", "V-FULL", "taps", taps));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.type()).isEqualTo("too-many-items");
    }

    @Test
    void onlyTheIssuingBankUploadsAndSetsFares() {
        String pan = onayCard(f.wallet("anonymous", "1000.00"));
        ApiClient.Answer bcc = f.node.as("bcc").post("/v1/onay/taps", Map.of("validator", "V-9", "taps",
                List.of(tap(pan, "BUS", Instant.now(), 1))));
        assertThat(bcc.json().get(0).get("reason").asText()).isEqualTo("no such card of bcc");
        assertThat(f.node.as("kazpost").post("/v1/onay/fares", Map.of("routeType", "BUS", "fare", "1.00", "payee", carrier))
                .status()).isEqualTo(403);
        assertThat(f.halyk.post("/v1/onay/fares", Map.of("routeType", "TRAM", "fare", "1.00", "payee", carrier)).status())
                .isEqualTo(400);
        assertThat(f.halyk.post("/v1/onay/taps", Map.of("validator", "not a validator id", "taps", List.of())).status())
                .isEqualTo(400);
        // Other tests of this class add SUBURBAN; the table lists route types in their order.
        List<String> routes = f.halyk.get("/v1/onay/fares").json().findValuesAsText("routeType");
        assertThat(routes).contains("BUS", "METRO").doesNotContain("TROLLEYBUS", "BRT");
        assertThat(routes).isSortedAccordingTo(java.util.Comparator.comparing(RouteType::valueOf));
    }

    private static long tiyn(String amount) {
        return Math.round(Double.parseDouble(amount) * 100);
    }
}
