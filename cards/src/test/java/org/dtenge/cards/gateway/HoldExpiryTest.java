package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.node.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An authorization that is never completed is released by the ledger's timeout; a late completion finds no hold. */
class HoldExpiryTest {
    @TempDir
    Path dir;

    @Test
    void anExpiredHoldIsReleasedAndCannotBeCompleted() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 1)) {
            CardsFixture.Issued card = f.card("5000.00");
            Terminal pos = f.terminal(Terminal.Kind.POS, "POSEXP01");
            String rrn = pos.newRrn();
            assertThat(pos.authorize(card.pan(), 200_000, 398, rrn).field(39)).contains("00");
            assertThat(f.wallet(card.wallet())).containsEntry("held", "2000.00");
            Thread.sleep(1_500);
            // Ledger time moves with batches: any later batch lets the ledger expire the hold.
            f.halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", card.wallet(), "amount", "1.00"));
            assertThat(f.wallet(card.wallet())).containsEntry("held", "0.00").containsEntry("balance", "5001.00");
            assertThat(pos.complete(card.pan(), 200_000, 398, rrn).field(39)).contains("25");
            assertThat(pos.reverse(card.pan(), 200_000, 398, rrn, false).field(39)).as("nothing held: the aim is met")
                    .contains("00");
            assertThat(f.wallet(card.wallet())).containsEntry("balance", "5001.00");
            pos.connection().close();
        }
    }

    @Test
    void anExpiredCashAuthorizationGivesTheAtmAllowanceBack() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 1)) {
            CardsFixture.Issued card = f.card("20000.00"); // 5,000.00 of ATM cash a day
            Terminal atm = f.terminal(Terminal.Kind.ATM, "ATMEXP01");
            assertThat(atm.authorize(card.pan(), 400_000, 398, atm.newRrn()).field(39)).contains("00");
            assertThat(atm.authorize(card.pan(), 200_000, 398, atm.newRrn()).field(39)).as("4000 held of 5000").contains("61");
            Thread.sleep(1_500);
            f.halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", card.wallet(), "amount", "1.00"));
            assertThat(f.wallet(card.wallet())).containsEntry("held", "0.00");
            assertThat(atm.authorize(card.pan(), 200_000, 398, atm.newRrn()).field(39)).as("the expired hold's 4000 is back")
                    .contains("00");
            atm.connection().close();
        }
    }
}
