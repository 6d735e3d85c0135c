package org.dtenge.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;

/**
 * A ledger with contracts for tests: the KZT asset, an issuance account, a clock one second per batch
 * from a Monday morning in Almaty, and every committed batch kept as a journal for replays.
 */
final class Book {
    static final int KZT = 1;
    static final long ISSUER = 1;
    static final long SECOND = 1_000_000_000L;
    static final long DAY = 86_400 * SECOND;
    /** Monday 2026-11-23 09:00 in Almaty (04:00 UTC). */
    static final long MONDAY_MORNING = 1_795_406_400L * SECOND;

    final Contracts contracts;
    Ledger ledger;
    final EventBatch batch = new EventBatch();
    final Results results = new Results();
    final List<EventBatch> journal = new ArrayList<>();
    long now = MONDAY_MORNING;

    Book() {
        this(new Contracts(new Conditions(), AccountNames.hex()));
    }

    Book(Contracts contracts) {
        this.contracts = contracts;
        this.ledger = new Ledger(new Ledger.Config(64, 64, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), contracts);
        batch.createAsset(KZT, "KZT", 2, 0, ISSUER);
        account(ISSUER, AccountKind.ISSUANCE, 0);
        commit();
    }

    /** How hex account names look, for conditions. */
    static String name(long id) {
        return AccountNames.hex().name(0, id);
    }

    Book account(long id, AccountKind kind, int policy) {
        return account(id, kind, policy, Long.MAX_VALUE);
    }

    Book account(long id, AccountKind kind, int policy, long dailyLimit) {
        batch.createAccount(0, id, KZT, kind, 7, new byte[32], 1, Long.MAX_VALUE, Long.MAX_VALUE, dailyLimit, policy, 0);
        return this;
    }

    Book transfer(long id, long debit, long credit, long amount) {
        return transfer(id, debit, credit, amount, 0);
    }

    Book transfer(long id, long debit, long credit, long amount, int purpose) {
        batch.transfer(0, id, 0, debit, 0, credit, amount, KZT, 0, 0, 0, 0, 0, purpose, 0);
        return this;
    }

    /** Queues a contract's document chunks and its CREATE_POLICY. */
    Book deploy(int id, ContractTemplate template, String name, String condition, long owner, long... templateParams) {
        byte[] document = ContractRecords.document(name, condition);
        ContractRecords.textChunks(document).forEach(batch::record);
        batch.createPolicy(id, template.code, params(document, id, owner, templateParams));
        return this;
    }

    static long[] params(byte[] document, int id, long owner, long... templateParams) {
        long[] params = new long[13];
        System.arraycopy(ContractRecords.hashParams(document), 0, params, 0, 4);
        params[4] = id;
        params[5] = owner;
        params[6] = 1;
        System.arraycopy(templateParams, 0, params, Contracts.FIRST_TEMPLATE_PARAM, templateParams.length);
        return params;
    }

    Book status(int id, ContractStatus status) {
        batch.record(ContractRecords.status(id, status, 9002));
        return this;
    }

    void fund(long account, long amount) {
        transfer(900_000 + account * 1000 + journal.size(), ISSUER, account, amount);
        Result r = one();
        if (r != Result.OK) {
            throw new AssertionError("funding failed: " + r);
        }
    }

    List<Result> commit() {
        return commitAt(now + SECOND);
    }

    List<Result> commitAt(long timestampNanos) {
        now = timestampNanos;
        batch.timestampNanos(timestampNanos);
        ledger.apply(batch, results);
        EventBatch kept = new EventBatch();
        kept.copyFrom(batch);
        journal.add(kept);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < results.count(); i++) {
            out.add(results.result(i));
        }
        batch.clear();
        return out;
    }

    /** Commits a batch expected to hold one event that is not a RECORD, and returns its result. */
    Result one() {
        List<Result> all = commit();
        return all.get(all.size() - 1);
    }

    int reason() {
        return results.reason(results.count() - 1);
    }

    long balance(long id) {
        return ledger.account(0, id).orElseThrow().balance();
    }

    /** Writes the ledger image and reads it back with fresh contracts. */
    static Ledger roundTrip(Ledger ledger, Contracts fresh) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.capture().writeTo(Channels.newChannel(bytes));
        return Ledger.restore(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())), fresh);
    }
}
