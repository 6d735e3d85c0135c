package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy hook, through the two built-in templates. */
class PolicyTest {
    private static final int SPLIT_12_PERCENT = 11;
    private static final int MERCHANTS_ONLY = 12;
    private static final int TAX = 40;
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.batch.createPolicy(SPLIT_12_PERCENT, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 1_200, 77);
        f.batch.createPolicy(MERCHANTS_ONLY, BuiltInPolicies.COUNTERPARTY_KINDS, 1L << AccountKind.MERCHANT.code);
        f.account(20, AccountKind.PROGRAM, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, MERCHANTS_ONLY, 0)
                .account(21, AccountKind.RETAIL)
                .account(30, AccountKind.MERCHANT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT,
                        SPLIT_12_PERCENT, 0)
                .account(TAX, AccountKind.GOVERNMENT);
        assertThat(f.commit()).containsOnly(Result.OK);
        f.fund(20, 10_000);
        f.fund(21, 10_000);
    }

    @Test
    void aSplitAddsALinkedLegWithADerivedId() {
        f.transfer(1, 21, 30, 1_000);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.balance(30)).isEqualTo(880);
        assertThat(f.balance(TAX)).isEqualTo(120);
        assertThat(f.results.legs(0)).isEqualTo(1); // the result tells readers of the journal to look for the leg
        assertThat(f.results.reason(0)).isZero();
        Transfer leg = f.ledger.transfer(Ledger.legIdHi(0, 0), Ledger.legIdLo(1, 0)).orElseThrow();
        assertThat(leg.amount()).isEqualTo(120);
        assertThat(leg.purpose()).isEqualTo(77);
        assertThat(leg.parentIdLo()).isEqualTo(1);
        assertThat(leg.creditLo()).isEqualTo(TAX);
    }

    @Test
    void theSplitRoundsDownAndSkipsAZeroLeg() {
        f.transfer(1, 21, 30, 8);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.results.legs(0)).isZero(); // the zero leg was skipped
        assertThat(f.balance(TAX)).isZero();
        f.transfer(2, 21, 30, 9);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.balance(TAX)).isEqualTo(1);
    }

    @Test
    void aDeclineCarriesTheReasonAndChangesNothing() {
        f.transfer(1, 20, 21, 100);
        f.transfer(2, 20, 30, 100);
        assertThat(f.commit()).containsExactly(Result.POLICY_REJECTED, Result.OK);
        assertThat(f.results.reason(0)).isEqualTo(BuiltInPolicies.REASON_COUNTERPARTY_NOT_ALLOWED);
        assertThat(f.balance(21)).isEqualTo(10_000);
        assertThat(f.balance(20)).isEqualTo(9_900);
    }

    @Test
    void aFailingLegRollsBackItsParent() {
        f.batch.accountStatus(EventType.FREEZE_ACCOUNT, 0, TAX, 0);
        f.transfer(1, 21, 30, 1_000);
        assertThat(f.commit()).containsExactly(Result.OK, Result.CREDIT_ACCOUNT_FROZEN);
        assertThat(f.balance(30)).isZero();
        assertThat(f.balance(21)).isEqualTo(10_000);
        assertThat(f.ledger.transfer(0, 1)).isEmpty();
    }

    @Test
    void holdsAskTheDecisionAndPostsApplyTheLegs() {
        f.hold(1, 20, 21, 100, 0);
        f.hold(2, 21, 30, 500, 0);
        f.post(3, 2, 400);
        assertThat(f.commit()).containsExactly(Result.POLICY_REJECTED, Result.OK, Result.OK);
        assertThat(f.balance(30)).isEqualTo(352);
        assertThat(f.balance(TAX)).isEqualTo(48);
    }

    @Test
    void policiesAreCheckedAtCreation() {
        f.batch.createPolicy(13, 99);
        f.batch.createPolicy(14, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 10_001, 0);
        f.batch.createPolicy(SPLIT_12_PERCENT, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 1_200, 77);
        f.batch.createPolicy(SPLIT_12_PERCENT, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 1_300, 77);
        f.account(50, AccountKind.RETAIL, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 15, 0);
        assertThat(f.commit()).containsExactly(Result.POLICY_TEMPLATE_UNKNOWN, Result.POLICY_PARAMETERS_INVALID,
                Result.EXISTS, Result.EXISTS_WITH_DIFFERENT_FIELDS, Result.POLICY_NOT_FOUND);
    }
}
