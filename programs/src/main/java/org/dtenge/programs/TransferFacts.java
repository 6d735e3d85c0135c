package org.dtenge.programs;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelVariableResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dtenge.ledger.PolicyContext;

/**
 * What a condition may know about the transfer it decides: its variables, computed only when the
 * condition reads them. Reused per policy (the sequencer is one thread); valid during one evaluation.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>amount, asset, purpose</td><td>int</td><td>tiyn, asset id, purpose code</td></tr>
 *   <tr><td>debit, credit</td><td>string</td><td>the accounts, as {@link AccountNames} writes them</td></tr>
 *   <tr><td>debit_kind, credit_kind</td><td>string</td><td>RETAIL, MERCHANT, GOVERNMENT, PROGRAM...</td></tr>
 *   <tr><td>debit_intermediary, credit_intermediary</td><td>int</td><td>servicing participant's code</td></tr>
 *   <tr><td>side</td><td>string</td><td>"debit" or "credit": which side carries the contract</td></tr>
 *   <tr><td>phase</td><td>string</td><td>TRANSFER, HOLD or POST</td></tr>
 *   <tr><td>time</td><td>int</td><td>the batch time, seconds since the epoch (never the wall clock)</td></tr>
 *   <tr><td>day, weekday</td><td>int</td><td>ledger day (days since the epoch, UTC+5), 1 = Monday .. 7</td></tr>
 *   <tr><td>reference_hi, reference_lo</td><td>int</td><td>the transfer's reference</td></tr>
 *   <tr><td>debit_program, credit_program</td><td>int</td><td>the program (policy id) each account carries, 0 for
 *       none: earmarked money may go only to accounts of the next level's program</td></tr>
 * </table>
 */
public final class TransferFacts implements CelVariableResolver {
    static final Map<String, CelType> VARIABLES = variables();

    /** Names are a pure function of the id, so recently seen ones are kept: a wallet address costs a hash to make. */
    private static final int NAMES_CACHED = 256;

    private final AccountNames names;
    private final long[] cachedHi = new long[NAMES_CACHED];
    private final long[] cachedLo = new long[NAMES_CACHED];
    private final String[] cachedName = new String[NAMES_CACHED];
    private PolicyContext transfer;
    private boolean debitSide;

    TransferFacts(AccountNames names) {
        this.names = names;
    }

    private static Map<String, CelType> variables() {
        Map<String, CelType> v = new LinkedHashMap<>();
        for (String name : new String[] {"amount", "asset", "purpose", "debit_intermediary", "credit_intermediary",
                "time", "day", "weekday", "reference_hi", "reference_lo", "debit_program", "credit_program"}) {
            v.put(name, SimpleType.INT);
        }
        for (String name : new String[] {"debit", "credit", "debit_kind", "credit_kind", "side", "phase"}) {
            v.put(name, SimpleType.STRING);
        }
        return Map.copyOf(v);
    }

    TransferFacts of(PolicyContext transfer, boolean debitSide) {
        this.transfer = transfer;
        this.debitSide = debitSide;
        return this;
    }

    /** 1 = Monday .. 7 = Sunday; ledger day 0 (1970-01-01) was a Thursday. */
    static long weekday(int day) {
        return Math.floorMod(day + 3, 7) + 1;
    }

    private String name(long hi, long lo) {
        int i = (int) ((lo ^ lo >>> 29 ^ hi * 0x9E3779B97F4A7C15L) & (NAMES_CACHED - 1));
        String cached = cachedName[i];
        if (cached != null && cachedHi[i] == hi && cachedLo[i] == lo) {
            return cached;
        }
        String made = names.name(hi, lo);
        cachedHi[i] = hi;
        cachedLo[i] = lo;
        cachedName[i] = made;
        return made;
    }

    @Override
    public Optional<Object> find(String name) {
        PolicyContext t = transfer;
        Object value = switch (name) {
            case "amount" -> t.amount();
            case "asset" -> (long) t.asset();
            case "purpose" -> (long) t.purpose();
            case "debit" -> name(t.debitHi(), t.debitLo());
            case "credit" -> name(t.creditHi(), t.creditLo());
            case "debit_kind" -> t.debitKind().name();
            case "credit_kind" -> t.creditKind().name();
            case "debit_intermediary" -> t.debitIntermediary();
            case "credit_intermediary" -> t.creditIntermediary();
            case "side" -> debitSide ? "debit" : "credit";
            case "phase" -> t.phase().name();
            case "time" -> Math.floorDiv(t.timestampNanos(), 1_000_000_000L);
            case "day" -> (long) t.day();
            case "weekday" -> weekday(t.day());
            case "reference_hi" -> t.referenceHi();
            case "reference_lo" -> t.referenceLo();
            case "debit_program" -> (long) t.debitPolicy();
            case "credit_program" -> (long) t.creditPolicy();
            default -> null;
        };
        return Optional.ofNullable(value);
    }
}
