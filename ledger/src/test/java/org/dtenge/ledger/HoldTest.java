package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtenge.ledger.Fixture.SECOND;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two-phase transfers: holds reduce available balance, then post (fully or partly), void or expire. */
class HoldTest {
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.account(20, AccountKind.RETAIL, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 1_000, 0, 0)
                .account(30, AccountKind.MERCHANT);
        f.commit();
        f.fund(20, 1_000);
    }

    @Test
    void holdReducesAvailableAndPostMovesMoney() {
        f.hold(1, 20, 30, 700, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.held(20)).isEqualTo(700);
        assertThat(f.balance(20)).isEqualTo(1_000);
        f.transfer(2, 20, 30, 301);
        assertThat(f.one()).isEqualTo(Result.INSUFFICIENT_FUNDS);
        f.post(3, 1, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.held(20)).isZero();
        assertThat(f.balance(20)).isEqualTo(300);
        assertThat(f.balance(30)).isEqualTo(700);
        assertThat(f.ledger.transfer(0, 1).orElseThrow().holdState()).isEqualTo(HoldState.POSTED);
        f.post(4, 1, 0);
        assertThat(f.one()).isEqualTo(Result.PENDING_TRANSFER_ALREADY_POSTED);
        f.voidHold(5, 1);
        assertThat(f.one()).isEqualTo(Result.PENDING_TRANSFER_ALREADY_POSTED);
    }

    @Test
    void partialPostReleasesTheRestAndItsDailyOutflow() {
        f.fund(20, 1_000);
        f.hold(1, 20, 30, 800, 0);
        f.post(2, 1, 300);
        assertThat(f.commit()).containsOnly(Result.OK);
        assertThat(f.balance(20)).isEqualTo(1_700);
        assertThat(f.held(20)).isZero();
        assertThat(f.ledger.account(0, 20).orElseThrow().outflowToday()).isEqualTo(300);
        assertThat(f.ledger.transfer(0, 2).orElseThrow().amount()).isEqualTo(300);
        f.hold(3, 20, 30, 800, 0);
        assertThat(f.one()).isEqualTo(Result.DAILY_LIMIT_EXCEEDED);
        f.hold(4, 20, 30, 700, 0);
        f.post(5, 4, 701);
        assertThat(f.commit()).containsExactly(Result.OK, Result.EXCEEDS_PENDING_AMOUNT);
    }

    @Test
    void voidReleasesEverything() {
        f.hold(1, 20, 30, 1_000, 0);
        f.voidHold(2, 1);
        assertThat(f.commit()).containsOnly(Result.OK);
        assertThat(f.held(20)).isZero();
        assertThat(f.balance(20)).isEqualTo(1_000);
        assertThat(f.ledger.account(0, 20).orElseThrow().outflowToday()).isZero();
        f.post(3, 1, 0);
        assertThat(f.one()).isEqualTo(Result.PENDING_TRANSFER_ALREADY_VOIDED);
    }

    @Test
    void holdsExpireByTheBatchClockNotTheWallClock() {
        f.hold(1, 20, 30, 600, 60);
        assertThat(f.one()).isEqualTo(Result.OK);
        long placed = f.now;
        f.transfer(2, 20, 30, 500);
        assertThat(f.commitAt(placed + 59 * SECOND)).containsExactly(Result.INSUFFICIENT_FUNDS);
        f.transfer(3, 20, 30, 500);
        assertThat(f.commitAt(placed + 60 * SECOND)).containsExactly(Result.OK);
        assertThat(f.held(20)).isZero();
        assertThat(f.ledger.transfer(0, 1).orElseThrow().holdState()).isEqualTo(HoldState.EXPIRED);
        f.post(4, 1, 0);
        assertThat(f.one()).isEqualTo(Result.PENDING_TRANSFER_EXPIRED);
    }

    @Test
    void settlingChecksTheHold() {
        f.transfer(1, 20, 30, 10);
        f.post(2, 1, 0);
        f.post(3, 99, 0);
        f.batch.transfer(0, 4, 0, 0, 0, 0, 0, 0, Event.POST_PENDING);
        assertThat(f.commit()).containsExactly(Result.OK, Result.PENDING_TRANSFER_NOT_PENDING,
                Result.PENDING_TRANSFER_NOT_FOUND, Result.PENDING_ID_MUST_NOT_BE_ZERO);
        f.hold(5, 20, 30, 10, 0);
        f.batch.transfer(0, 6, 0, 30, 0, 0, 0, 0, Event.POST_PENDING, 0, 5, 0, 0, 0, 0);
        f.batch.transfer(0, 7, 0, 0, 0, 20, 0, 0, Event.POST_PENDING, 0, 5, 0, 0, 0, 0);
        assertThat(f.commit()).containsExactly(Result.OK, Result.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT,
                Result.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT);
    }

    @Test
    void timeoutOnlyForHolds() {
        f.batch.transfer(0, 1, 0, 20, 0, 30, 10, Fixture.DT, 0, 0, 0, 0, 0, 0, 5);
        f.batch.transfer(0, 2, 0, 20, 0, 30, 10, Fixture.DT, Event.PENDING, 0, 0, 0, 0, 0, -5);
        assertThat(f.commit()).containsExactly(Result.TIMEOUT_RESERVED_FOR_PENDING, Result.TIMEOUT_INVALID);
    }

    @Test
    void frozenWalletCannotPostButCanVoid() {
        f.hold(1, 20, 30, 100, 0);
        f.hold(2, 20, 30, 100, 0);
        f.batch.accountStatus(EventType.FREEZE_ACCOUNT, 0, 20, 0);
        f.post(3, 1, 0);
        f.voidHold(4, 2);
        assertThat(f.commit()).containsExactly(Result.OK, Result.OK, Result.OK, Result.DEBIT_ACCOUNT_FROZEN,
                Result.OK);
        assertThat(f.held(20)).isEqualTo(100);
    }

    @Test
    void settledHoldsDoNotAccumulateInTheExpiryQueue() {
        f.fund(20, 1_000_000);
        long id = 100;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 200; i++) {
                f.hold(id + i, 20, 30, 1, 3_600);
            }
            for (int i = 0; i < 200; i++) {
                f.voidHold(id + 200 + i, id + i);
            }
            assertThat(f.commit()).containsOnly(Result.OK);
            id += 400;
        }
        assertThat(f.held(20)).isZero();
        assertThat(f.ledger.expiryQueueSize()).as("10,000 holds placed, none open").isLessThanOrEqualTo(1_024 + 200);
    }
}
