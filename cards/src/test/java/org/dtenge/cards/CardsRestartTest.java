package org.dtenge.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.dtenge.cards.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cards, rates and the ATM cash used are in the journal: a restarted node knows them all. */
class CardsRestartTest {
    @TempDir
    Path dir;

    @Test
    void aRestartRebuildsCardsRatesAndAllowancesFromTheJournal() throws Exception {
        CardsFixture.Issued card;
        String blocked;
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            card = f.card("20000.00");
            CardsFixture.Issued other = f.card("100.00");
            blocked = other.pan();
            f.halyk.post("/v1/cards/" + other.id() + "/status", Map.of("status", "LOST"));
            f.halyk.post("/v1/cards/rates", Map.of("currency", "840", "rate", "500", "feeBasisPoints", 0));
            f.halyk.post("/v1/onay/fares", Map.of("routeType", "BUS", "fare", "200.00", "payee", f.node.address("magnum")));
            Terminal atm = f.terminal(Terminal.Kind.ATM, "ATMRST01");
            assertThat(atm.pay(card.pan(), 400_000, 398, atm.newRrn()).field(39)).contains("00");
            atm.connection().close();
        }
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            Terminal atm = f.terminal(Terminal.Kind.ATM, "ATMRST01");
            assertThat(atm.pay(card.pan(), 200_000, 398, atm.newRrn()).field(39)).as("4000 of 5000 used before the restart")
                    .contains("61");
            assertThat(atm.pay(card.pan(), 100_000, 398, atm.newRrn()).field(39)).contains("00");
            var statement = f.halyk.get("/v1/cards/" + card.id() + "/transactions").json();
            assertThat(statement.findValuesAsText("amount")).as("newest first, the one before the restart too")
                    .containsExactly("1000.00", "4000.00");
            Terminal pos = f.terminalAbroad(Terminal.Kind.POS, "POSRST01", "840");
            assertThat(pos.pay(card.pan(), 100, 840, pos.newRrn()).field(39)).as("the USD rate survived").contains("00");
            assertThat(pos.pay(blocked, 100, 398, pos.newRrn()).field(39)).contains("41");
            assertThat(f.wallet(card.wallet())).containsEntry("balance", "14500.00"); // 20000 - 4000 - 1000 - USD 1.00 at 500
            String onayPan = CardsFixture.newPan();
            assertThat(f.issue("ONAY", onayPan, card.wallet(), "2030-12", "1000.00", "", java.util.List.of()).status())
                    .isEqualTo(201);
            var taps = f.halyk.post("/v1/onay/taps", Map.of("validator", "V-R", "taps", java.util.List.of(Map.of("pan", onayPan,
                    "routeType", "BUS", "at", java.time.Instant.now().toString(), "sequence", 1))));
            assertThat(taps.json().get(0).get("status").asText()).as("the fare survived").isEqualTo("paid");
            atm.connection().close();
            pos.connection().close();
        }
    }
}
