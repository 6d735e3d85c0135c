package org.dtenge.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A ledger with the DT asset, its issuance account and a clock that advances one second per batch,
 * plus one-line ways to submit events. Account ids are small numbers in the low half.
 */
final class Fixture {
    static final int DT = 1;
    static final long ISSUER = 1;
    static final long NO_LIMIT = Long.MAX_VALUE;
    static final long SECOND = 1_000_000_000L;
    static final long DAY = 86_400 * SECOND;
    /** 2026-11-25 00:00 in Almaty (UTC+5; 2026-11-24 19:00 UTC), in nanoseconds since the epoch. */
    static final long START = 1_795_546_800L * SECOND;

    final Ledger ledger;
    final EventBatch batch = new EventBatch();
    final Results results = new Results();
    long now = START;

    Fixture() {
        this(new Ledger());
    }

    /** A fresh ledger: runs the genesis batch (asset and issuance account). */
    Fixture(Ledger ledger) {
        this(ledger, true);
    }

    private Fixture(Ledger ledger, boolean genesis) {
        this.ledger = ledger;
        if (genesis) {
            batch.createAsset(DT, "KZT", 2, 0, ISSUER);
            account(ISSUER, AccountKind.ISSUANCE);
            commit();
        }
    }

    /** Wraps a ledger that already has its genesis, such as a restored one, continuing at {@code now}. */
    static Fixture resume(Ledger ledger, long now) {
        Fixture f = new Fixture(ledger, false);
        f.now = now;
        return f;
    }

    /** Queues an account with no limits. */
    Fixture account(long id, AccountKind kind) {
        return account(id, kind, NO_LIMIT, NO_LIMIT, NO_LIMIT, 0, 0);
    }

    Fixture account(long id, AccountKind kind, long holding, long payment, long daily, int policy, int flags) {
        batch.createAccount(0, id, DT, kind, 7, new byte[32], 1, holding, payment, daily, policy, flags);
        return this;
    }

    Fixture transfer(long id, long debit, long credit, long amount) {
        return transfer(id, debit, credit, amount, 0);
    }

    Fixture transfer(long id, long debit, long credit, long amount, int flags) {
        batch.transfer(0, id, 0, debit, 0, credit, amount, DT, flags);
        return this;
    }

    Fixture hold(long id, long debit, long credit, long amount, int timeoutSeconds) {
        batch.transfer(0, id, 0, debit, 0, credit, amount, DT, Event.PENDING, 0, 0, 0, 0, 0, timeoutSeconds);
        return this;
    }

    Fixture post(long id, long pending, long amount) {
        batch.transfer(0, id, 0, 0, 0, 0, amount, 0, Event.POST_PENDING, 0, pending, 0, 0, 0, 0);
        return this;
    }

    Fixture voidHold(long id, long pending) {
        batch.transfer(0, id, 0, 0, 0, 0, 0, 0, Event.VOID_PENDING, 0, pending, 0, 0, 0, 0);
        return this;
    }

    /** Applies the queued events one second after the previous batch and returns their results. */
    List<Result> commit() {
        return commitAt(now + SECOND);
    }

    List<Result> commitAt(long timestampNanos) {
        now = timestampNanos;
        batch.timestampNanos(now);
        ledger.apply(batch, results);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < results.count(); i++) {
            out.add(results.result(i));
        }
        batch.clear();
        return out;
    }

    Result one() {
        List<Result> all = commit();
        if (all.size() != 1) {
            throw new IllegalStateException("expected one event, got " + all);
        }
        return all.getFirst();
    }

    long balance(long id) {
        return ledger.account(0, id).orElseThrow().balance();
    }

    long held(long id) {
        return ledger.account(0, id).orElseThrow().held();
    }

    /** Issues {@code amount} from the issuance account to {@code id}. */
    void fund(long id, long amount) {
        transfer(nextId(), ISSUER, id, amount);
        if (one() != Result.OK) {
            throw new IllegalStateException("funding failed");
        }
    }

    private long ids = 1_000_000;

    long nextId() {
        return ids++;
    }

    /** Sum of all balances of DT: always zero. */
    long sum() {
        long total = 0;
        for (int i = 0; i < ledger.accountCount(); i++) {
            total += ledger.accountAt(i).balance();
        }
        return total;
    }
}
