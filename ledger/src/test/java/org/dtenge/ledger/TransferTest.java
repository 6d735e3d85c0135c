package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtenge.ledger.Fixture.ISSUER;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferTest {
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.account(10, AccountKind.BANK_RESERVE).account(20, AccountKind.RETAIL).account(30, AccountKind.MERCHANT);
        assertThat(f.commit()).containsOnly(Result.OK);
    }

    @Test
    void issuanceMakesSupplyAndConservesValue() {
        f.transfer(1, ISSUER, 10, 1_000_00);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.balance(ISSUER)).isEqualTo(-1_000_00);
        assertThat(f.balance(10)).isEqualTo(1_000_00);
        assertThat(f.sum()).isZero();
    }

    @Test
    void onlyIssuanceMayGoNegative() {
        f.fund(20, 500);
        f.transfer(1, 20, 30, 501);
        assertThat(f.one()).isEqualTo(Result.INSUFFICIENT_FUNDS);
        assertThat(f.balance(20)).isEqualTo(500);
        f.transfer(2, 20, 30, 500);
        assertThat(f.one()).isEqualTo(Result.OK);
        assertThat(f.balance(20)).isZero();
        assertThat(f.balance(30)).isEqualTo(500);
    }

    @Test
    void sameIdTwiceIsOneTransfer() {
        f.fund(20, 1000);
        f.transfer(1, 20, 30, 100);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.transfer(1, 20, 30, 100);
        assertThat(f.one()).isEqualTo(Result.EXISTS);
        f.transfer(1, 20, 30, 101);
        assertThat(f.one()).isEqualTo(Result.EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(f.balance(30)).isEqualTo(100);
    }

    @Test
    void validationResultsComeInPrecedenceOrder() {
        f.transfer(0, 20, 30, 1);
        f.transfer(1, 20, 20, 1);
        f.transfer(2, 20, 30, 0);
        f.transfer(3, 99, 30, 1);
        f.transfer(4, 20, 99, 1);
        f.transfer(5, 20, 30, 1, Event.PENDING | Event.POST_PENDING);
        f.transfer(6, 20, 30, 1, 1 << 9);
        assertThat(f.commit()).containsExactly(Result.ID_MUST_NOT_BE_ZERO, Result.ACCOUNTS_MUST_BE_DIFFERENT,
                Result.AMOUNT_MUST_BE_POSITIVE, Result.DEBIT_ACCOUNT_NOT_FOUND, Result.CREDIT_ACCOUNT_NOT_FOUND,
                Result.FLAGS_ARE_MUTUALLY_EXCLUSIVE, Result.UNKNOWN_FLAGS);
        assertThat(f.ledger.transferCount()).isZero();
    }

    @Test
    void assetMustMatchBothAccounts() {
        f.fund(20, 100);
        f.batch.transfer(0, 1, 0, 20, 0, 30, 10, 2, 0);
        assertThat(f.one()).isEqualTo(Result.ASSET_MISMATCH);
    }

    @Test
    void reservedBytesMustBeZero() {
        f.fund(20, 100);
        f.transfer(1, 20, 30, 10);
        f.batch.array()[Event.RESERVED_TAIL + 3] = 1;
        assertThat(f.one()).isEqualTo(Result.RESERVED_FIELD);
    }

    @Test
    void unknownEventTypeIsRejected() {
        f.transfer(1, 20, 30, 10);
        f.batch.array()[Event.TYPE] = 42;
        assertThat(f.one()).isEqualTo(Result.UNKNOWN_EVENT_TYPE);
    }

    @Test
    void frozenAndClosedAccountsTakeNothing() {
        f.fund(20, 100);
        f.batch.accountStatus(EventType.FREEZE_ACCOUNT, 0, 30, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.transfer(1, 20, 30, 10);
        assertThat(f.one()).isEqualTo(Result.CREDIT_ACCOUNT_FROZEN);
        f.batch.accountStatus(EventType.FREEZE_ACCOUNT, 0, 30, 0);
        assertThat(f.one()).isEqualTo(Result.ACCOUNT_ALREADY_FROZEN);
        f.batch.accountStatus(EventType.UNFREEZE_ACCOUNT, 0, 30, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.batch.accountStatus(EventType.CLOSE_ACCOUNT, 0, 20, 0);
        assertThat(f.one()).isEqualTo(Result.ACCOUNT_NOT_EMPTY);
        f.transfer(2, 20, 30, 100);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.batch.accountStatus(EventType.CLOSE_ACCOUNT, 0, 20, 0);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.transfer(3, 30, 20, 1);
        assertThat(f.one()).isEqualTo(Result.CREDIT_ACCOUNT_CLOSED);
        f.batch.accountStatus(EventType.UNFREEZE_ACCOUNT, 0, 20, 0);
        assertThat(f.one()).isEqualTo(Result.ACCOUNT_CLOSED);
    }

    @Test
    void balancesNeverOverflow() {
        f.account(40, AccountKind.RETAIL);
        f.commit();
        f.transfer(1, ISSUER, 40, Long.MAX_VALUE);
        assertThat(f.one()).isEqualTo(Result.OK);
        f.transfer(2, ISSUER, 40, 1);
        assertThat(f.one()).isEqualTo(Result.OVERFLOWS_BALANCE);
        f.transfer(3, ISSUER, 30, Long.MAX_VALUE);
        assertThat(f.one()).isEqualTo(Result.OVERFLOWS_BALANCE); // the issuer would pass Long.MIN_VALUE + 1
        assertThat(f.sum()).isZero();
    }
}
