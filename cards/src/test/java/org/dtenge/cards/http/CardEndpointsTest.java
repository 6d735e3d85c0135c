package org.dtenge.cards.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dtenge.cards.CardsEndToEndTest;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.node.ApiClient;
import org.junit.jupiter.api.Test;

/** The banks' card routes through the real HTTP server: who may do what, bad input, the settlement report. */
class CardEndpointsTest extends CardsEndToEndTest {
    @Test
    void aBankIssuesListsAndBlocksItsCardsAndThePanIsNeverStored() throws Exception {
        CardsFixture.Issued card = f.card("100.00");
        ApiClient.Answer one = f.halyk.get("/v1/cards/" + card.id());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("lastFour")).isEqualTo(card.pan().substring(12));
        assertThat(one.text("status")).isEqualTo("ACTIVE");
        assertThat(one.raw().body()).doesNotContain(card.pan());
        assertThat(f.halyk.get("/v1/cards").json().findValuesAsText("id")).contains(card.id());
        ApiClient.Answer blocked = f.halyk.post("/v1/cards/" + card.id() + "/status", Map.of("status", "blocked"));
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.text("status")).isEqualTo("BLOCKED");
        ApiClient.Answer again = f.issue(card.pan(), card.wallet(), "2030-12", "10000.00", "5000.00",
                List.of("IN_STORE", "ONLINE", "ATM", "ABROAD"));
        assertThat(again.status()).as("the same issue again").isEqualTo(200);
        ApiClient.Answer other = f.issue(card.pan(), card.wallet(), "2031-01", "10000.00", "5000.00", List.of("IN_STORE"));
        assertThat(other.status()).isEqualTo(409);
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(card.pan());
            }
        }
    }

    @Test
    void onlyBanksOnTheirOwnWalletsAndCards() {
        CardsFixture.Issued card = f.card("100.00");
        String nurlan = f.node.address("nurlan"); // serviced by kazpost
        ApiClient.Answer notServiced = f.issue(CardsFixture.newPan(), nurlan, "2030-12", "1.00", "1.00", List.of("IN_STORE"));
        assertThat(notServiced.status()).isEqualTo(403);
        ApiClient.Answer kazpost = f.node.as("kazpost").post("/v1/cards", Map.of("pan", CardsFixture.newPan(), "product", "ONAY",
                "wallet", nurlan, "expiry", "2030-12", "purchaseLimit", "1.00", "atmDailyLimit", "1.00", "channels", List.of()));
        assertThat(kazpost.status()).as("a payment agent is not a card issuer").isEqualTo(403);
        assertThat(f.node.as("bcc").get("/v1/cards/" + card.id()).status()).isEqualTo(403);
        assertThat(f.node.as("bcc").post("/v1/cards/" + card.id() + "/status", Map.of("status", "LOST")).status()).isEqualTo(403);
        assertThat(f.node.as("bcc").get("/v1/cards").json()).isEmpty();
        assertThat(f.node.anonymous().get("/v1/cards").status()).isEqualTo(401);
        assertThat(f.halyk.get("/v1/cards/" + "0".repeat(32)).status()).isEqualTo(404);
    }

    @Test
    void badInputIsASpecific400() {
        String wallet = f.wallet("anonymous", "0");
        ApiClient.Answer luhn = f.issue("4242424242424241", wallet, "2030-12", "1.00", "1.00", List.of("IN_STORE"));
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.type()).isEqualTo("invalid-field");
        assertThat(f.issue(CardsFixture.newPan(), wallet, "12/30", "1.00", "1.00", List.of()).status()).isEqualTo(400);
        assertThat(f.issue(CardsFixture.newPan(), wallet, "2030-12", "1.00", "1.00", List.of("SPACE")).status()).isEqualTo(400);
        assertThat(f.issue(CardsFixture.newPan(), wallet, "2030-12", "-1.00", "1.00", List.of()).status()).isEqualTo(400);
        assertThat(f.halyk.post("/v1/cards/rates", Map.of("currency", "398", "rate", "1")).status()).isEqualTo(400);
        assertThat(f.halyk.post("/v1/cards/rates", Map.of("currency", "840", "rate", "-5")).status()).isEqualTo(400);
        assertThat(f.halyk.get("/v1/cards/settlement?date=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theSettlementReportAddsUpTheDaysCardPositions() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
        ApiClient.Answer before = f.node.as("halyk").get("/v1/cards/settlement?date=" + today);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        CardsFixture.Issued card = f.card("20000.00");
        try (var connection = new org.dtenge.cards.terminal.TerminalConnection("127.0.0.1", f.gatewayPort)) {
            Terminal pos = f.terminal(connection, Terminal.Kind.POS, "POSREP01", "398");
            Terminal atm = f.terminal(connection, Terminal.Kind.ATM, "ATMREP01", "398");
            String refunded = pos.newRrn();
            assertThat(pos.pay(card.pan(), 100_000, 398, pos.newRrn()).field(39)).contains("00");
            assertThat(pos.pay(card.pan(), 30_000, 398, refunded).field(39)).contains("00");
            assertThat(pos.reverse(card.pan(), 30_000, 398, refunded, false).field(39)).contains("00");
            assertThat(atm.pay(card.pan(), 200_000, 398, atm.newRrn()).field(39)).contains("00");
        }
        ApiClient.Answer after = f.halyk.get("/v1/cards/settlement?date=" + today);
        assertThat(after.json().get("purchases").asLong() - before.json().get("purchases").asLong()).isEqualTo(2);
        assertThat(after.json().get("withdrawals").asLong() - before.json().get("withdrawals").asLong()).isEqualTo(1);
        assertThat(after.json().get("refunds").asLong() - before.json().get("refunds").asLong()).isEqualTo(1);
        long net = tiyn(after.text("net")) - tiyn(before.text("net"));
        assertThat(net).isEqualTo(100_000 + 200_000);
        assertThat(tiyn(after.text("balance")) - tiyn(before.text("balance"))).isEqualTo(net);
        assertThat(f.node.as("bcc").get("/v1/cards/settlement?date=" + today).text("net")).isEqualTo("0.00");
    }

    private static long tiyn(String amount) {
        return Math.round(Double.parseDouble(amount) * 100);
    }
}
