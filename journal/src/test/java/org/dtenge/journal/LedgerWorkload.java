package org.dtenge.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Results;

/**
 * Seeded batches for a real ledger: a genesis batch (the KZT asset, its issuance account, retail
 * wallets, a merchant whose revenue-split policy pays a tax account), then mixes of issuance, payments
 * that may fail for lack of funds, holds, posts, repeated ids and linked pairs. Each batch is applied
 * to the ledger, leaving {@link #batch} and {@link #results} ready to append to a journal.
 */
final class LedgerWorkload {
    static final int DT = 1;
    static final long ISSUER = 1;
    static final long MERCHANT = 2;
    static final long TAX = 3;
    static final long FIRST_WALLET = 10;
    static final int WALLETS = 20;
    static final int SPLIT_POLICY = 1;
    static final long START = 1_795_546_800_000_000_000L;
    private static final long NO_LIMIT = Long.MAX_VALUE;

    final Ledger ledger;
    final EventBatch batch = new EventBatch();
    final Results results = new Results();
    private final Random random;
    private final List<Long> holds = new ArrayList<>();
    private long nextId = 1_000;
    private long now = START;

    LedgerWorkload(long seed, Ledger ledger) {
        this.random = new Random(seed);
        this.ledger = ledger;
    }

    LedgerWorkload(long seed) {
        this(seed, new Ledger());
    }

    /** Fills and applies the next batch: the genesis batch first, then {@code events} random events. */
    void next(int events) {
        batch.clear();
        if (ledger.batchCount() == 0) {
            genesis();
        } else {
            while (batch.count() < events) {
                randomEvent(events - batch.count());
            }
        }
        batch.timestampNanos(now);
        ledger.apply(batch, results);
        now += batch.count() + 1 + random.nextInt(1_000_000);
    }

    /** Appends {@code count} batches of up to {@code events} events each to {@code journal}, then syncs. */
    List<BatchHeader> appendTo(Journal journal, int count, int events) throws IOException {
        List<BatchHeader> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            next(1 + random.nextInt(events));
            headers.add(journal.append(batch, results));
        }
        journal.sync();
        return headers;
    }

    private void genesis() {
        batch.createAsset(DT, "KZT", 2, 0, ISSUER);
        account(ISSUER, AccountKind.ISSUANCE, 0);
        account(TAX, AccountKind.GOVERNMENT, 0);
        batch.createPolicy(SPLIT_POLICY, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 1_200, 77);
        account(MERCHANT, AccountKind.MERCHANT, SPLIT_POLICY);
        for (int i = 0; i < WALLETS; i++) {
            account(FIRST_WALLET + i, AccountKind.RETAIL, 0);
        }
    }

    private void account(long id, AccountKind kind, int policy) {
        batch.createAccount(0, id, DT, kind, 7, new byte[Event.OWNER_KEY_SIZE], 1, NO_LIMIT, NO_LIMIT, NO_LIMIT,
                policy, 0);
    }

    private void randomEvent(int room) {
        int kind = random.nextInt(10);
        long wallet = FIRST_WALLET + random.nextInt(WALLETS);
        long other = FIRST_WALLET + random.nextInt(WALLETS);
        long amount = 1 + random.nextInt(50_000);
        if (kind < 2) {
            transfer(ISSUER, wallet, amount * 10, 0);
        } else if (kind < 5) {
            transfer(wallet, other, amount, 0);
        } else if (kind == 5) {
            transfer(wallet, MERCHANT, amount, 0);
        } else if (kind == 6) {
            long id = nextId++;
            batch.transfer(0, id, 0, wallet, 0, other, amount, DT, Event.PENDING, 0, 0, 0, 0, 0, 1 + random.nextInt(3));
            holds.add(id);
        } else if (kind == 7 && !holds.isEmpty()) {
            long pending = holds.remove(random.nextInt(holds.size()));
            int flag = random.nextBoolean() ? Event.POST_PENDING : Event.VOID_PENDING;
            batch.transfer(0, nextId++, 0, 0, 0, 0, 0, 0, flag, 0, pending, 0, 0, 0, 0);
        } else if (kind == 8 && room >= 2) {
            transfer(wallet, other, amount, Event.LINKED);
            transfer(other, MERCHANT, amount / 2 + 1, 0);
        } else {
            // A transfer id used before: EXISTS or EXISTS_WITH_DIFFERENT_FIELDS.
            batch.transfer(0, 1_000 + random.nextInt((int) (nextId - 999)), 0, wallet, 0, other, amount, DT, 0);
        }
    }

    private void transfer(long debit, long credit, long amount, int flags) {
        batch.transfer(0, nextId++, 0, debit, 0, credit, amount, DT, flags);
    }
}
