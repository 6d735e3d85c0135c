package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The comparison's workload: the same seed gives the same transfers, in the shares asked for, well formed. */
class WorkloadTest {
    private static final TransferMix MIX = new TransferMix(1.0, 5, 0, 1, 42);

    @Test
    void theSameSeedGivesTheSameTransfersAndAnotherSeedOthers() {
        Workload a = Workload.generate(1_000, 50_000, 5_000_000, MIX);
        Workload b = Workload.generate(1_000, 50_000, 5_000_000, MIX);
        Workload c = Workload.generate(1_000, 50_000, 5_000_000, new TransferMix(1.0, 5, 0, 1, 43));
        assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(c));
    }

    @Test
    void sharesOfLinkedPairsAndUnpayablePaymentsAreAsAskedWithinSamplingError() {
        for (int seed = 1; seed <= 5; seed++) {
            Workload w = Workload.generate(10_000, 200_000, 5_000_000, new TransferMix(0.8, 10, 0, 3, seed));
            // 10% and 3% of about 190,000 units: several standard errors (~130 and ~75) either side.
            assertThat(w.linkedPairs()).as("seed %d", seed).isBetween((int) (0.1 * w.units()) - 700, (int) (0.1 * w.units()) + 700);
            assertThat(w.unpayable()).as("seed %d", seed).isBetween((int) (0.03 * w.units()) - 400, (int) (0.03 * w.units()) + 400);
        }
    }

    @Test
    void unitsCoverEveryTransferAndPairsPayTheirFeeToTheCollector() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("WorkloadTest seed " + seed);
        Workload w = Workload.generate(300, 20_001, 1_000_000, new TransferMix(1.2, 30, 0, 5, seed));
        int covered = 0;
        int pairs = 0;
        for (int unit = 0; unit < w.units(); unit++) {
            int first = w.unitStart(unit);
            assertThat(first).as("seed %d unit %d", seed, unit).isEqualTo(covered);
            covered += w.unitSize(unit);
            for (int t = first; t < first + w.unitSize(unit); t++) {
                assertThat(w.payer(t)).isBetween(0, w.accounts() - 1).isNotEqualTo(w.payee(t));
                assertThat(w.amount(t)).isPositive();
            }
            if (w.unitSize(unit) == 2) {
                pairs++;
                assertThat(w.linkedToNext(first)).isTrue();
                assertThat(w.payer(first + 1)).isEqualTo(w.payer(first));
                assertThat(w.payee(first + 1)).isEqualTo(w.feeCollector());
                assertThat(w.amount(first + 1)).isEqualTo(Workload.fee(w.amount(first)));
            } else {
                assertThat(w.unitSize(unit)).isEqualTo(1);
                assertThat(w.linkedToNext(first)).isFalse();
                assertThat(w.payee(first)).isLessThan(w.accounts());
            }
        }
        assertThat(covered).isEqualTo(w.transfers()).isEqualTo(20_001);
        assertThat(pairs).isEqualTo(w.linkedPairs());
        assertThat(w.unitsFor(0)).isZero();
        assertThat(w.unitsFor(w.transfers())).isEqualTo(w.units());
        assertThat(w.unitStart(w.unitsFor(1_000))).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void anUnpayablePaymentIsMoreThanAllTheMoneyThereIs() {
        Workload w = Workload.generate(10_000, 1_000, 5_000_000, MIX);
        assertThat(Workload.UNPAYABLE_TIYN).isGreaterThan(w.fundingTiyn() * w.accountsWithCollector());
    }

    @Test
    void holdsAreRefusedBecausePostgresHasNone() {
        assertThatThrownBy(() -> Workload.generate(10, 10, 1, new TransferMix(1.0, 5, 5, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no holds");
    }

    private static int fingerprint(Workload w) {
        int[] values = new int[w.transfers() * 3];
        for (int t = 0; t < w.transfers(); t++) {
            values[3 * t] = w.payer(t);
            values[3 * t + 1] = w.payee(t);
            values[3 * t + 2] = Long.hashCode(w.amount(t));
        }
        return Arrays.hashCode(values);
    }
}
