package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's side of move-to-earn: the pool pays only rewards, within the daily cap. */
class RewardPoolTest {
    private static final int POOL_PROGRAM = 12;
    private static final int REWARD = 1201;
    private static final long POOL = 10;
    private static final long WALKER = 20;
    private Book book;

    @BeforeEach
    void setUp() {
        book = new Book();
        book.deploy(POOL_PROGRAM, ContractTemplate.REWARD_POOL, "Steps", "credit_kind == 'RETAIL'", 7,
                100, 1_000, 20_000, 60_000, REWARD);
        book.account(POOL, AccountKind.PROGRAM, POOL_PROGRAM).account(WALKER, AccountKind.RETAIL, 0)
                .account(30, AccountKind.MERCHANT, 0);
        assertThat(book.commit()).containsOnly(Result.OK);
        book.fund(POOL, 1_500);
    }

    @Test
    void rewardsWithinTheCapArePaidAndNothingElse() {
        book.fund(POOL, 5_000); // funds are checked before policies (the ledger's precedence)
        book.transfer(1, POOL, WALKER, 1_000, REWARD);
        book.transfer(2, POOL, WALKER, 1_001, REWARD);
        book.transfer(3, POOL, WALKER, 10, 0);
        book.transfer(4, POOL, 30, 10, REWARD);
        assertThat(book.commit()).containsExactly(Result.OK, Result.POLICY_REJECTED, Result.POLICY_REJECTED,
                Result.POLICY_REJECTED);
        assertThat(book.results.reason(1)).isEqualTo(Reasons.ABOVE_DAILY_CAP);
        assertThat(book.results.reason(2)).isEqualTo(Reasons.NOT_A_REWARD);
        assertThat(book.results.reason(3)).isEqualTo(Reasons.CONDITION_FALSE);
    }

    @Test
    void aDryPoolStopsCleanly() {
        book.transfer(1, POOL, WALKER, 1_000, REWARD);
        book.transfer(2, POOL, WALKER, 600, REWARD);
        assertThat(book.commit()).containsExactly(Result.OK, Result.INSUFFICIENT_FUNDS);
        assertThat(book.balance(POOL)).isEqualTo(500);
    }

    @Test
    void parametersAreChecked() {
        book.deploy(13, ContractTemplate.REWARD_POOL, "Caps upside down", "true", 7, 100, 1_000, 500, 60_000, REWARD);
        book.deploy(14, ContractTemplate.REWARD_POOL, "No purpose", "true", 7, 100, 1_000, 5_000, 60_000, 0);
        assertThat(book.commit().stream().filter(r -> r != Result.OK)).containsOnly(Result.POLICY_PARAMETERS_INVALID)
                .hasSize(2);
    }
}
