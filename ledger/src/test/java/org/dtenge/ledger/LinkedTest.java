package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linked events commit all or nothing. */
class LinkedTest {
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.account(20, AccountKind.RETAIL).account(30, AccountKind.MERCHANT).account(40, AccountKind.GOVERNMENT);
        f.commit();
        f.fund(20, 100);
    }

    @Test
    void aFailingLinkRollsBackTheWholeChain() {
        f.transfer(1, 20, 30, 60, Event.LINKED);
        f.transfer(2, 30, 40, 10, Event.LINKED);
        f.transfer(3, 20, 40, 41);
        f.transfer(4, 20, 30, 5);
        assertThat(f.commit()).containsExactly(Result.LINKED_EVENT_FAILED, Result.LINKED_EVENT_FAILED,
                Result.INSUFFICIENT_FUNDS, Result.OK);
        assertThat(f.balance(20)).isEqualTo(95);
        assertThat(f.balance(30)).isEqualTo(5);
        assertThat(f.balance(40)).isZero();
        assertThat(f.ledger.transfer(0, 1)).isEmpty();
        assertThat(f.ledger.transfer(0, 2)).isEmpty();
    }

    @Test
    void aSucceedingChainCommits() {
        f.transfer(1, 20, 30, 60, Event.LINKED);
        f.transfer(2, 30, 40, 10, Event.LINKED);
        f.transfer(3, 20, 40, 40);
        assertThat(f.commit()).containsOnly(Result.OK);
        assertThat(f.balance(20)).isZero();
        assertThat(f.balance(30)).isEqualTo(50);
        assertThat(f.balance(40)).isEqualTo(50);
    }

    @Test
    void aChainLeftOpenAtTheEndOfTheBatchFails() {
        f.transfer(1, 20, 30, 10);
        f.transfer(2, 20, 30, 10, Event.LINKED);
        f.transfer(3, 20, 30, 10, Event.LINKED);
        assertThat(f.commit()).containsExactly(Result.OK, Result.LINKED_EVENT_FAILED,
                Result.LINKED_EVENT_CHAIN_OPEN);
        assertThat(f.balance(30)).isEqualTo(10);
    }

    @Test
    void accountsCreatedInAFailedChainVanish() {
        f.account(50, AccountKind.RETAIL, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 0, Event.LINKED);
        f.transfer(1, 20, 50, 30, Event.LINKED);
        f.hold(2, 50, 30, 20, 10);
        f.batch.array()[2 * Event.SIZE + Event.FLAGS] |= Event.LINKED;
        f.transfer(3, 20, 99, 1);
        f.account(50, AccountKind.RETAIL);
        assertThat(f.commit()).containsExactly(Result.LINKED_EVENT_FAILED, Result.LINKED_EVENT_FAILED,
                Result.LINKED_EVENT_FAILED, Result.CREDIT_ACCOUNT_NOT_FOUND, Result.OK);
        assertThat(f.balance(20)).isEqualTo(100);
        assertThat(f.balance(50)).isZero();
        assertThat(f.ledger.transfer(0, 2)).isEmpty();
        assertThat(f.ledger.expiryQueueSize()).isZero();
        assertThat(f.sum()).isZero();
    }

    @Test
    void settlingAHoldInAFailedChainLeavesItPending() {
        f.hold(1, 20, 30, 50, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.post(2, 1, 0);
        f.batch.array()[Event.FLAGS] |= Event.LINKED;
        f.transfer(3, 20, 30, 51);
        assertThat(f.commit()).containsExactly(Result.LINKED_EVENT_FAILED, Result.INSUFFICIENT_FUNDS);
        assertThat(f.ledger.transfer(0, 1).orElseThrow().holdState()).isEqualTo(HoldState.PENDING);
        assertThat(f.held(20)).isEqualTo(50);
        assertThat(f.balance(30)).isZero();
    }

    @Test
    void anExistingIdBreaksTheChain() {
        f.transfer(1, 20, 30, 10);
        f.commit();
        f.transfer(2, 20, 30, 10, Event.LINKED);
        f.transfer(1, 20, 30, 10);
        assertThat(f.commit()).containsExactly(Result.LINKED_EVENT_FAILED, Result.EXISTS);
        assertThat(f.balance(30)).isEqualTo(10);
    }
}
