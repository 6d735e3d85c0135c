package org.dtenge.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.dtenge.sequencer.Submission;

/**
 * Checks what must always hold, independently of the code under test. It learns what was acknowledged
 * from the submissions' results and then, against any ledger:
 * <ul>
 *   <li>every acknowledged transfer and account is there, with the fields it was acknowledged with;
 *   <li>value is conserved per asset (balances sum to zero, the issuer holding minus the supply);
 *   <li>no balance below zero but the issuer's, no hold above its balance;
 *   <li>no holding limit exceeded, no daily outflow above the limit for the current ledger day;
 *   <li>no transfer id applied twice.
 * </ul>
 * Violations are {@link AssertionError}s with a message that says what broke.
 */
public final class Auditor {
    /** Acknowledged transfers: id (low half) to {debit, credit, amount}, or null for a post or void. */
    private final Map<Long, long[]> transfers = new HashMap<>();
    private final Set<Long> accounts = new HashSet<>();
    private long acknowledgedEvents;

    public long acknowledgedEvents() {
        return acknowledgedEvents;
    }

    public int acknowledgedTransfers() {
        return transfers.size();
    }

    /** Records a submission whose future completed: its applied events must survive anything. */
    public void acknowledged(Submission submission) {
        ByteBuffer events = ByteBuffer.wrap(submission.events().array()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < submission.count(); i++) {
            acknowledgedEvents++;
            Result result = submission.results().result(i);
            if (result != Result.OK) {
                continue;
            }
            int base = i * Event.SIZE;
            long id = events.getLong(base + Event.ID + 8);
            int type = events.get(base + Event.TYPE);
            if (type == EventType.CREATE_ACCOUNT.code) {
                accounts.add(id);
            } else if (type == EventType.TRANSFER.code) {
                int flags = events.getShort(base + Event.FLAGS);
                boolean settles = (flags & (Event.POST_PENDING | Event.VOID_PENDING)) != 0;
                long[] fields = settles ? null : new long[] {events.getLong(base + Event.DEBIT + 8),
                        events.getLong(base + Event.CREDIT + 8), events.getLong(base + Event.AMOUNT)};
                check(transfers.put(id, fields) == null, "transfer " + id + " acknowledged OK twice");
            }
        }
    }

    /** Every acknowledged transfer and account is in {@code ledger}, unchanged. */
    public void checkDurable(Ledger ledger) {
        for (long id : accounts) {
            check(ledger.account(0, id).isPresent(), "acknowledged account " + id + " is missing");
        }
        transfers.forEach((id, fields) -> {
            Transfer t = ledger.transfer(0, id).orElseThrow(
                    () -> new AssertionError("acknowledged transfer " + id + " is missing"));
            if (fields != null) {
                check(t.debitLo() == fields[0] && t.creditLo() == fields[1] && t.amount() == fields[2],
                        "acknowledged transfer " + id + " changed: " + t);
            }
        });
    }

    /** The state invariants. */
    public void checkState(Ledger ledger) {
        Map<Integer, Long> sums = new HashMap<>();
        int today = ledger.day(ledger.lastTimestampNanos());
        for (int i = 0; i < ledger.accountCount(); i++) {
            Account a = ledger.accountAt(i);
            sums.merge(a.asset(), a.balance(), Math::addExact);
            check(a.held() >= 0, "account " + a.idLo() + " holds a negative amount");
            if (a.kind() != AccountKind.ISSUANCE) {
                check(a.balance() >= 0, "account " + a.idLo() + " is below zero: " + a.balance());
                check(a.held() <= a.balance(), "account " + a.idLo() + " holds more than its balance");
                check(a.balance() <= a.holdingLimit(), "account " + a.idLo() + " is over its holding limit");
                check(a.outflowDay() != today || a.outflowToday() <= a.dailyLimit(),
                        "account " + a.idLo() + " paid out more today than its daily limit");
            }
        }
        sums.forEach((asset, sum) -> check(sum == 0, "asset " + asset + " is not conserved: balances sum to " + sum));
        Set<Id> ids = new HashSet<>();
        for (int i = 0; i < ledger.transferCount(); i++) {
            Transfer t = ledger.transferAt(i);
            check(ids.add(new Id(t.idHi(), t.idLo())), "transfer id " + t.idHi() + ":" + t.idLo() + " applied twice");
        }
    }

    private record Id(long hi, long lo) {}

    private static void check(boolean condition, String violation) {
        if (!condition) {
            throw new AssertionError("audit: " + violation);
        }
    }
}
