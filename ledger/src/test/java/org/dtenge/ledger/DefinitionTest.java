package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Assets and accounts: creation rules and idempotency. */
class DefinitionTest {
    @Test
    void assetsAreCreatedOnceWithValidCodes() {
        Fixture f = new Fixture();
        f.batch.createAsset(Fixture.DT, "KZT", 2, 0, Fixture.ISSUER);
        f.batch.createAsset(Fixture.DT, "KZT", 3, 0, Fixture.ISSUER);
        f.batch.createAsset(2, "kzt", 2, 0, 500);
        f.batch.createAsset(3, "GOLD", 19 - 1, 0, 0);
        f.batch.createAsset(4, "XAU", 3, 0, 20);
        f.batch.createAsset(0, "USD", 2, 0, 21);
        assertThat(f.commit()).containsExactly(Result.EXISTS, Result.EXISTS_WITH_DIFFERENT_FIELDS,
                Result.ASSET_CODE_INVALID, Result.ISSUANCE_ACCOUNT_MISMATCH, Result.OK, Result.ID_MUST_NOT_BE_ZERO);
        assertThat(f.ledger.asset(4).orElseThrow().code()).isEqualTo("XAU");
        assertThat(f.ledger.asset(Fixture.DT).orElseThrow().scale()).isEqualTo(2);
    }

    @Test
    void accountCreationChecksItsFields() {
        Fixture f = new Fixture();
        f.account(20, AccountKind.RETAIL);
        f.account(20, AccountKind.RETAIL);
        f.account(20, AccountKind.MERCHANT);
        f.account(0, AccountKind.RETAIL);
        f.account(21, AccountKind.ISSUANCE);
        f.account(22, AccountKind.RETAIL, -1, 0, 0, 0, 0);
        f.batch.createAccount(0, 23, 9, AccountKind.RETAIL, 1, new byte[32], 0, 1, 1, 1, 0, 0);
        f.account(24, AccountKind.RETAIL);
        f.batch.array()[7 * Event.SIZE + Event.KIND] = 0;
        assertThat(f.commit()).containsExactly(Result.OK, Result.EXISTS, Result.EXISTS_WITH_DIFFERENT_FIELDS,
                Result.ID_MUST_NOT_BE_ZERO, Result.ISSUANCE_ACCOUNT_MISMATCH, Result.LIMITS_INVALID,
                Result.ASSET_NOT_FOUND, Result.KIND_INVALID);
    }

    @Test
    void theOwnerKeyIsKeptAndCompared() {
        Fixture f = new Fixture();
        byte[] key = new byte[32];
        key[31] = 9;
        f.batch.createAccount(0, 20, Fixture.DT, AccountKind.RETAIL, 3, key, 1, 5, 5, 5, 0, 0);
        f.batch.createAccount(0, 20, Fixture.DT, AccountKind.RETAIL, 3, new byte[32], 1, 5, 5, 5, 0, 0);
        assertThat(f.commit()).containsExactly(Result.OK, Result.EXISTS_WITH_DIFFERENT_FIELDS);
        Account account = f.ledger.account(0, 20).orElseThrow();
        assertThat(account.ownerKey()).isEqualTo(key);
        assertThat(account.intermediary()).isEqualTo(3);
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void recordsAreJournaledButChangeNothing() {
        Fixture f = new Fixture();
        f.account(20, AccountKind.RETAIL);
        f.commit();
        int accounts = f.ledger.accountCount();
        f.batch.record(new byte[] {1, 2, 3});
        f.batch.record(new byte[124]);
        f.batch.record(new byte[0]);
        f.batch.array()[2 * Event.SIZE + Event.FLAGS] = Event.LINKED;
        assertThat(f.commit()).containsExactly(Result.OK, Result.OK, Result.LINKED_EVENT_CHAIN_OPEN);
        assertThat(f.ledger.accountCount()).isEqualTo(accounts);
        assertThat(f.ledger.transferCount()).isZero();
    }
}
