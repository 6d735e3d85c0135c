package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtenge.ledger.Fixture.DAY;
import static org.dtenge.ledger.Fixture.NO_LIMIT;
import static org.dtenge.ledger.Fixture.SECOND;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tier limits: holding, per payment, daily outflow by ledger day (UTC+5 by default). */
class LimitTest {
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        // An anonymous wallet: holds at most 100,000, pays at most 20,000 at once, 50,000 a day.
        f.account(20, AccountKind.RETAIL, 100_000, 20_000, 50_000, 0, 0).account(30, AccountKind.MERCHANT);
        assertThat(f.commit()).containsOnly(Result.OK);
    }

    @Test
    void holdingLimitCapsTheBalance() {
        f.fund(20, 90_000);
        f.transfer(1, Fixture.ISSUER, 20, 10_001);
        assertThat(f.one()).isEqualTo(Result.HOLDING_LIMIT_EXCEEDED);
        f.transfer(2, Fixture.ISSUER, 20, 10_000);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.balance(20)).isEqualTo(100_000);
    }

    @Test
    void perPaymentLimitComesBeforeFunds() {
        f.fund(20, 10_000);
        f.transfer(1, 20, 30, 20_001);
        assertThat(f.one()).isEqualTo(Result.PAYMENT_LIMIT_EXCEEDED);
        f.transfer(2, 20, 30, 10_001);
        assertThat(f.one()).isEqualTo(Result.INSUFFICIENT_FUNDS);
    }

    @Test
    void dailyOutflowResetsAtMidnightAlmatyTime() {
        f.fund(20, 100_000);
        for (int i = 0; i < 2; i++) {
            f.transfer(10 + i, 20, 30, 20_000);
        }
        f.transfer(12, 20, 30, 10_000);
        f.transfer(13, 20, 30, 1);
        assertThat(f.commit()).containsExactly(Result.OK, Result.OK, Result.OK, Result.DAILY_LIMIT_EXCEEDED);
        // Fixture.START is midnight in Almaty; a day later the counter starts again.
        f.transfer(14, 20, 30, 1);
        assertThat(f.commitAt(Fixture.START + DAY - SECOND)).containsExactly(Result.DAILY_LIMIT_EXCEEDED);
        f.transfer(15, 20, 30, 20_000);
        assertThat(f.commitAt(Fixture.START + DAY)).containsExactly(Result.OK);
        assertThat(f.ledger.account(0, 20).orElseThrow().outflowToday()).isEqualTo(20_000);
    }

    @Test
    void theLedgerDayFollowsTheConfiguredZone() {
        Fixture utc = new Fixture(new Ledger(new Ledger.Config(16, 16, 0), new BuiltInPolicies()));
        utc.account(20, AccountKind.RETAIL, NO_LIMIT, NO_LIMIT, 100, 0, 0).account(30, AccountKind.MERCHANT);
        utc.commit();
        utc.fund(20, 1_000);
        utc.transfer(1, 20, 30, 100);
        assertThat(utc.one()).isEqualTo(Result.OK);
        // Fixture.START is 19:00 UTC: the UTC day ends five hours later, the Almaty day a day later.
        utc.transfer(2, 20, 30, 1);
        assertThat(utc.commitAt(Fixture.START + 5 * 3600 * SECOND - SECOND)).containsExactly(Result.DAILY_LIMIT_EXCEEDED);
        utc.transfer(3, 20, 30, 1);
        assertThat(utc.commitAt(Fixture.START + 5 * 3600 * SECOND)).containsExactly(Result.OK);
    }

    @Test
    void tierChangeAppliesNewLimitsButNeverStrandsABalanceAboveThem() {
        f.fund(20, 60_000);
        f.batch.changeTier(0, 20, 0, 50_000, 10_000, 10_000, 0);
        assertThat(f.one()).isEqualTo(Result.HOLDING_LIMIT_EXCEEDED);
        f.batch.changeTier(0, 20, 3, 10_000_000, 5_000_000, 5_000_000, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        Account upgraded = f.ledger.account(0, 20).orElseThrow();
        assertThat(upgraded.tier()).isEqualTo(3);
        assertThat(upgraded.holdingLimit()).isEqualTo(10_000_000);
        f.transfer(1, 20, 30, 60_000);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.batch.changeTier(0, 20, 1, -1, 0, 0, 0);
        assertThat(f.one()).isEqualTo(Result.LIMITS_INVALID);
        f.fund(20, 1_000);
        f.batch.changeTier(0, 20, 1, 100_000, 20_000, 59_999, 0);
        assertThat(f.one()).as("today's outflow is already 60,000").isEqualTo(Result.DAILY_LIMIT_EXCEEDED);
    }
}
