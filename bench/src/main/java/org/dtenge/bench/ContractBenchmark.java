package org.dtenge.bench;

import java.util.concurrent.TimeUnit;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.money.AccountId;
import org.dtenge.programs.Conditions;
import org.dtenge.programs.ContractRecords;
import org.dtenge.programs.ContractTemplate;
import org.dtenge.programs.Contracts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sequencer's cost of a payment through a contract against a plain payment: {@link Ledger#apply}
 * of a batch of {@value #BATCH} transfers, nanoseconds per transfer. {@code plain}: retail wallet to
 * merchant, no policy. {@code gate}: a school-meals allowance (PROGRAM account with a CEL condition
 * naming three canteens, school days, an amount cap) to a canteen. {@code taxSplit}: retail wallet to
 * a VAT payer, whose contract adds the tax leg to the budget account. The target: a contract
 * adds at most 5 microseconds.
 *
 * <p>Each iteration (one second) starts from a fresh ledger whose transfer table holds 6 million
 * transfers, more than an iteration applies here, so the table never grows while measured (growing
 * would show as allocation under {@code -prof gc}). Each invocation applies the same batch with fresh
 * transfer ids (rewriting the ids costs the
 * same in every mode, so the differences are the contracts').
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--sun-misc-unsafe-memory-access=allow"})
public class ContractBenchmark {
    static final int BATCH = 1024;
    private static final int WALLETS = 1024;
    private static final int GATE = 1000;
    private static final int VAT = 1001;
    private static final long SECOND = 1_000_000_000L;
    /** Monday 2026-11-23 09:00 in Almaty. */
    private static final long MONDAY_MORNING = 1_795_406_400L * SECOND;

    @Param({"plain", "gate", "taxSplit"})
    public String mode;

    private Ledger ledger;
    private final EventBatch batch = new EventBatch(BATCH);
    private final Results results = new Results();
    private long now = MONDAY_MORNING;
    private long nextId = 1;

    private static AccountId id(long n) {
        return new AccountId(7, n);
    }

    /** A fresh ledger per iteration: transfers accumulate, and a table that grew would be measured. */
    @Setup(Level.Iteration)
    public void setup() {
        now = MONDAY_MORNING;
        nextId = 1;
        batch.clear();
        Contracts contracts = new Contracts(new Conditions(), (hi, lo) -> new AccountId(hi, lo).address());
        ledger = new Ledger(new Ledger.Config(4 * WALLETS, 6_000_000, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), contracts);
        EventBatch setup = new EventBatch();
        setup.createAsset(1, "KZT", 2, 7, 1);
        account(setup, 1, AccountKind.ISSUANCE, 0);
        apply(setup);
        String canteens = "['" + id(3).address() + "', '" + id(4).address() + "', '" + id(5).address() + "']";
        deploy(setup, GATE, ContractTemplate.GATE, "credit in " + canteens + " && weekday <= 5 && amount <= 500000",
                1, 0, 0);
        deploy(setup, VAT, ContractTemplate.TAX_SPLIT, "debit_kind == 'RETAIL'", 1_200, 0, 7, 2, 1101, 1102);
        apply(setup);
        account(setup, 2, AccountKind.GOVERNMENT, 0);
        account(setup, 3, AccountKind.MERCHANT, 0);
        account(setup, 6, AccountKind.MERCHANT, VAT);
        for (int w = 0; w < WALLETS; w++) {
            account(setup, 100 + w, AccountKind.RETAIL, 0);
            account(setup, 10_000 + w, AccountKind.PROGRAM, GATE);
        }
        apply(setup);
        for (int w = 0; w < WALLETS; w++) {
            setup.transfer(0, nextId++, 7, 1, 7, 100 + w, 1L << 50, 1, 0);
            setup.transfer(0, nextId++, 7, 1, 7, 10_000 + w, 1L << 50, 1, 0);
        }
        apply(setup);
        long payeeLo = switch (mode) {
            case "plain", "gate" -> 3;
            case "taxSplit" -> 6;
            default -> throw new IllegalArgumentException("mode " + mode);
        };
        long payerBase = mode.equals("gate") ? 10_000 : 100;
        for (int i = 0; i < BATCH; i++) {
            batch.transfer(0, 0, 7, payerBase + i % WALLETS, 7, payeeLo, 1_120, 1, 0);
        }
        renumber();
        batch.timestampNanos(now += SECOND);
        ledger.apply(batch, results);
        for (int i = 0; i < BATCH; i++) {
            if (results.result(i) != Result.OK) {
                throw new IllegalStateException(mode + ": transfer " + i + " gave " + results.result(i));
            }
        }
    }

    private void deploy(EventBatch events, int id, ContractTemplate template, String condition, long... templateParams) {
        byte[] document = ContractRecords.document("bench " + id, condition);
        ContractRecords.textChunks(document).forEach(events::record);
        long[] params = new long[Event.POLICY_PARAMS_MAX];
        System.arraycopy(ContractRecords.hashParams(document), 0, params, 0, 4);
        params[4] = id;
        params[5] = 1;
        params[6] = 1;
        System.arraycopy(templateParams, 0, params, Contracts.FIRST_TEMPLATE_PARAM, templateParams.length);
        events.createPolicy(id, template.code, params);
    }

    private static void account(EventBatch events, long lo, AccountKind kind, int policy) {
        events.createAccount(7, lo, 1, kind, 1, new byte[32], 0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, policy, 0);
    }

    private void apply(EventBatch events) {
        events.timestampNanos(now += SECOND);
        ledger.apply(events, results);
        for (int i = 0; i < events.count(); i++) {
            Result r = results.result(i);
            if (r != Result.OK) {
                throw new IllegalStateException("setup event " + i + " gave " + r);
            }
        }
        events.clear();
    }

    private void renumber() {
        var buffer = batch.buffer();
        for (int i = 0; i < BATCH; i++) {
            buffer.putLong(i * Event.SIZE + Event.ID + 8, nextId++);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int apply() {
        renumber();
        batch.timestampNanos(now += 1_000_000);
        ledger.apply(batch, results);
        return results.count();
    }
}
