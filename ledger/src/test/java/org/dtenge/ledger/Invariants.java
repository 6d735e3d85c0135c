package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The ledger-wide invariants, checked by walking every account and transfer. */
final class Invariants {
    private Invariants() {}

    static void check(Ledger ledger) {
        Map<Integer, Long> sums = new HashMap<>();
        for (int i = 0; i < ledger.accountCount(); i++) {
            Account a = ledger.accountAt(i);
            sums.merge(a.asset(), a.balance(), Long::sum);
            assertThat(a.held()).as("held of account %d", a.idLo()).isNotNegative();
            if (a.kind() != AccountKind.ISSUANCE) {
                assertThat(a.balance()).as("balance of account %d", a.idLo()).isNotNegative();
                assertThat(a.held()).as("held of account %d", a.idLo()).isLessThanOrEqualTo(a.balance());
                assertThat(a.balance()).as("holding limit of %d", a.idLo()).isLessThanOrEqualTo(a.holdingLimit());
                if (a.outflowDay() == ledger.day(ledger.lastTimestampNanos())) {
                    assertThat(a.outflowToday()).as("daily outflow of %d", a.idLo()).isLessThanOrEqualTo(a.dailyLimit());
                }
            }
        }
        sums.forEach((asset, sum) -> assertThat(sum).as("sum of asset %d", asset).isZero());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ledger.transferCount(); i++) {
            Transfer t = ledger.transferAt(i);
            assertThat(ids.add(t.idHi() + ":" + t.idLo())).as("transfer id unique").isTrue();
            assertThat(t.amount()).isNotNegative();
        }
    }
}
