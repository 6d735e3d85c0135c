package org.dtenge.ledger;

import java.nio.ByteBuffer;

/**
 * The rules for TRANSFER events: single-phase transfers, holds, posting and voiding holds, expiry, and
 * the legs that policies add. Checks run in the precedence order of {@link Result}; nothing changes
 * until every check has passed, and every change is first written to the undo log so that a failing
 * leg or linked event can take it back.
 */
final class Movements {
    private static final int ACTIVE = AccountStatus.ACTIVE.ordinal();
    private static final int FROZEN = AccountStatus.FROZEN.ordinal();
    private static final int CLOSED = AccountStatus.CLOSED.ordinal();

    private final State state;
    private final AccountTable accounts;
    private final TransferTable transfers;
    private final PolicyContext context = new PolicyContext();
    private final Legs legs = new Legs();

    /** Holds created by the current chain; they join the expiry queue only when the chain commits. */
    private int[] chainHolds = new int[64];
    private int chainHoldCount;

    /** The reason code of the last POLICY_REJECTED. */
    int reason;
    /** How many legs the last applied transfer added (for its result). */
    int legsApplied;

    Movements(State state) {
        this.state = state;
        this.accounts = state.accounts;
        this.transfers = state.transfers;
    }

    Result transfer(ByteBuffer event, int base, long timestampNanos) {
        int flags = event.getShort(base + Event.FLAGS) & 0xFFFF;
        if ((flags & ~Event.FLAGS_KNOWN) != 0) {
            return Result.UNKNOWN_FLAGS;
        }
        if (!reservedIsZero(event, base)) {
            return Result.RESERVED_FIELD;
        }
        long idHi = event.getLong(base + Event.ID);
        long idLo = event.getLong(base + Event.ID + 8);
        if (idHi == 0 && idLo == 0) {
            return Result.ID_MUST_NOT_BE_ZERO;
        }
        int phases = Integer.bitCount(flags & (Event.PENDING | Event.POST_PENDING | Event.VOID_PENDING));
        if (phases > 1) {
            return Result.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        int existing = transfers.find(idHi, idLo);
        if (existing >= 0) {
            return sameTransfer(existing, event, base) ? Result.EXISTS : Result.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        if ((flags & (Event.POST_PENDING | Event.VOID_PENDING)) != 0) {
            return settle(event, base, flags, idHi, idLo, timestampNanos);
        }
        return move(event, base, flags, idHi, idLo, timestampNanos);
    }

    private static boolean reservedIsZero(ByteBuffer event, int base) {
        if (event.get(base + 1) != 0) {
            return false;
        }
        for (int offset = Event.RESERVED_TAIL; offset < Event.SIZE; offset += 8) {
            if (event.getLong(base + offset) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean sameTransfer(int slot, ByteBuffer event, int base) {
        TransferTable t = transfers;
        if (t.link[slot] >= 0 && (t.flags[slot] & (Event.POST_PENDING | Event.VOID_PENDING)) == 0) {
            return false; // a policy leg's id, not a client's transfer
        }
        boolean settles = (t.flags[slot] & (Event.POST_PENDING | Event.VOID_PENDING)) != 0;
        long debitHi = event.getLong(base + Event.DEBIT);
        long debitLo = event.getLong(base + Event.DEBIT + 8);
        long creditHi = event.getLong(base + Event.CREDIT);
        long creditLo = event.getLong(base + Event.CREDIT + 8);
        boolean accountsMatch = settles
                ? (debitHi == 0 && debitLo == 0 || matchesAccount(t.debit[slot], debitHi, debitLo))
                    && (creditHi == 0 && creditLo == 0 || matchesAccount(t.credit[slot], creditHi, creditLo))
                : matchesAccount(t.debit[slot], debitHi, debitLo) && matchesAccount(t.credit[slot], creditHi, creditLo);
        int pending = t.link[slot];
        long pendingHi = settles ? t.idHi(pending) : 0;
        long pendingLo = settles ? t.idLo(pending) : 0;
        long amount = event.getLong(base + Event.AMOUNT);
        int asset = event.getInt(base + Event.ASSET);
        return accountsMatch
                && t.flags[slot] == event.getShort(base + Event.FLAGS)
                && (amount == t.amount[slot] || settles && amount == 0)
                && (asset == t.asset[slot] || settles && asset == 0)
                && event.getLong(base + Event.PENDING_ID) == pendingHi
                && event.getLong(base + Event.PENDING_ID + 8) == pendingLo
                && event.getLong(base + Event.REFERENCE) == t.referenceHi[slot]
                && event.getLong(base + Event.REFERENCE + 8) == t.referenceLo[slot]
                && event.getInt(base + Event.PURPOSE) == t.purpose[slot]
                && event.getInt(base + Event.TIMEOUT) == t.timeoutSeconds[slot];
    }

    private boolean matchesAccount(int slot, long hi, long lo) {
        return accounts.idHi(slot) == hi && accounts.idLo(slot) == lo;
    }

    /** A single-phase transfer or a new hold. */
    private Result move(ByteBuffer event, int base, int flags, long idHi, long idLo, long timestampNanos) {
        boolean hold = (flags & Event.PENDING) != 0;
        if (event.getLong(base + Event.PENDING_ID) != 0 || event.getLong(base + Event.PENDING_ID + 8) != 0) {
            return Result.PENDING_ID_MUST_BE_ZERO;
        }
        int timeoutSeconds = event.getInt(base + Event.TIMEOUT);
        if (timeoutSeconds != 0 && !hold) {
            return Result.TIMEOUT_RESERVED_FOR_PENDING;
        }
        if (timeoutSeconds < 0) {
            return Result.TIMEOUT_INVALID;
        }
        long amount = event.getLong(base + Event.AMOUNT);
        if (amount <= 0) {
            return Result.AMOUNT_MUST_BE_POSITIVE;
        }
        long debitHi = event.getLong(base + Event.DEBIT);
        long debitLo = event.getLong(base + Event.DEBIT + 8);
        long creditHi = event.getLong(base + Event.CREDIT);
        long creditLo = event.getLong(base + Event.CREDIT + 8);
        if (debitHi == creditHi && debitLo == creditLo) {
            return Result.ACCOUNTS_MUST_BE_DIFFERENT;
        }
        int debit = accounts.find(debitHi, debitLo);
        if (debit < 0) {
            return Result.DEBIT_ACCOUNT_NOT_FOUND;
        }
        int credit = accounts.find(creditHi, creditLo);
        if (credit < 0) {
            return Result.CREDIT_ACCOUNT_NOT_FOUND;
        }
        int asset = event.getInt(base + Event.ASSET);
        if (accounts.asset(debit) != asset || accounts.asset(credit) != asset) {
            return Result.ASSET_MISMATCH;
        }
        Result status = statusCheck(debit, credit);
        if (status != Result.OK) {
            return status;
        }
        int day = state.day(timestampNanos);
        Result funds = fundsCheck(debit, credit, amount, day);
        if (funds != Result.OK) {
            return funds;
        }
        int purpose = event.getInt(base + Event.PURPOSE);
        long referenceHi = event.getLong(base + Event.REFERENCE);
        long referenceLo = event.getLong(base + Event.REFERENCE + 8);
        PolicyContext.Phase phase = hold ? PolicyContext.Phase.HOLD : PolicyContext.Phase.TRANSFER;
        Result policy = askPolicies(phase, idHi, idLo, debit, credit, amount, asset, purpose,
                referenceHi, referenceLo, timestampNanos);
        if (policy != Result.OK) {
            return policy;
        }
        state.undoing |= legs.count > 0;
        int slot = record(idHi, idLo, debit, credit, amount, asset, flags, referenceHi, referenceLo, purpose,
                timeoutSeconds, timestampNanos, -1);
        state.saveAccount(debit);
        state.saveAccount(credit);
        state.countOutflow(debit, day, amount);
        long[] hot = accounts.hot;
        if (hold) {
            hot[AccountTable.at(debit) + AccountTable.HELD] += amount;
            transfers.holdState[slot] = (byte) HoldState.PENDING.ordinal();
            if (timeoutSeconds > 0) {
                deferExpiry(slot);
            }
            return Result.OK;
        }
        hot[AccountTable.at(debit) + AccountTable.BALANCE] -= amount;
        hot[AccountTable.at(credit) + AccountTable.BALANCE] += amount;
        return applyLegs(slot, asset, timestampNanos);
    }

    private Result statusCheck(int debit, int credit) {
        int debitStatus = accounts.status(debit);
        int creditStatus = accounts.status(credit);
        if (debitStatus == ACTIVE && creditStatus == ACTIVE) {
            return Result.OK;
        }
        if (debitStatus == CLOSED) {
            return Result.DEBIT_ACCOUNT_CLOSED;
        }
        if (creditStatus == CLOSED) {
            return Result.CREDIT_ACCOUNT_CLOSED;
        }
        if (debitStatus == FROZEN) {
            return Result.DEBIT_ACCOUNT_FROZEN;
        }
        return Result.CREDIT_ACCOUNT_FROZEN;
    }

    /** Limits and funds for moving (or holding) {@code amount}; the outflow counts {@code amount}. */
    private Result fundsCheck(int debit, int credit, long amount, int day) {
        AccountTable a = accounts;
        long[] hot = a.hot;
        int at = AccountTable.at(debit);
        if (amount > a.paymentLimit(debit)) {
            return Result.PAYMENT_LIMIT_EXCEEDED;
        }
        long available = hot[at + AccountTable.BALANCE] - hot[at + AccountTable.HELD];
        if (a.kind(debit) == AccountKind.ISSUANCE.code) {
            if (available < Long.MIN_VALUE + amount) {
                return Result.OVERFLOWS_BALANCE;
            }
        } else if (available < amount) {
            return Result.INSUFFICIENT_FUNDS;
        }
        long dailyLimit = a.dailyLimit(debit);
        if (dailyLimit != Long.MAX_VALUE && state.outflowOn(debit, day) > dailyLimit - amount) {
            return Result.DAILY_LIMIT_EXCEEDED;
        }
        return creditCheck(credit, amount);
    }

    private Result creditCheck(int credit, long amount) {
        AccountTable a = accounts;
        long balance = a.balance(credit);
        long holdingLimit = a.holdingLimit(credit);
        if (holdingLimit != Long.MAX_VALUE && balance > holdingLimit - amount) {
            return Result.HOLDING_LIMIT_EXCEEDED;
        }
        if (balance > Long.MAX_VALUE - amount) {
            return Result.OVERFLOWS_BALANCE;
        }
        return Result.OK;
    }

    /** Posting or voiding a hold. */
    private Result settle(ByteBuffer event, int base, int flags, long idHi, long idLo, long timestampNanos) {
        legs.clear();
        long pendingHi = event.getLong(base + Event.PENDING_ID);
        long pendingLo = event.getLong(base + Event.PENDING_ID + 8);
        if (pendingHi == 0 && pendingLo == 0) {
            return Result.PENDING_ID_MUST_NOT_BE_ZERO;
        }
        if (event.getInt(base + Event.TIMEOUT) != 0) {
            return Result.TIMEOUT_RESERVED_FOR_PENDING;
        }
        long amount = event.getLong(base + Event.AMOUNT);
        if (amount < 0) {
            return Result.AMOUNT_MUST_BE_POSITIVE;
        }
        int pending = transfers.find(pendingHi, pendingLo);
        if (pending < 0) {
            return Result.PENDING_TRANSFER_NOT_FOUND;
        }
        if ((transfers.flags[pending] & Event.PENDING) == 0) {
            return Result.PENDING_TRANSFER_NOT_PENDING;
        }
        Result same = sameParties(event, base, pending);
        if (same != Result.OK) {
            return same;
        }
        int holdState = transfers.holdState[pending];
        if (holdState == HoldState.POSTED.ordinal()) {
            return Result.PENDING_TRANSFER_ALREADY_POSTED;
        }
        if (holdState == HoldState.VOIDED.ordinal()) {
            return Result.PENDING_TRANSFER_ALREADY_VOIDED;
        }
        if (holdState == HoldState.EXPIRED.ordinal()) {
            return Result.PENDING_TRANSFER_EXPIRED;
        }
        Check.that(holdState == HoldState.PENDING.ordinal(), "hold is pending");
        long held = transfers.amount[pending];
        boolean post = (flags & Event.POST_PENDING) != 0;
        long posted = post ? (amount == 0 ? held : amount) : 0;
        if (post && amount > held || !post && amount != 0 && amount != held) {
            return Result.EXCEEDS_PENDING_AMOUNT;
        }
        int debit = transfers.debit[pending];
        int credit = transfers.credit[pending];
        if (post) {
            Result post1 = postCheck(debit, credit, posted);
            if (post1 != Result.OK) {
                return post1;
            }
            Result policy = askPolicies(PolicyContext.Phase.POST, idHi, idLo, debit, credit, posted,
                    transfers.asset[pending], transfers.purpose[pending], transfers.referenceHi[pending],
                    transfers.referenceLo[pending], timestampNanos);
            if (policy != Result.OK) {
                return policy;
            }
        }
        state.undoing |= legs.count > 0;
        int slot = record(idHi, idLo, debit, credit, post ? posted : held, transfers.asset[pending], flags,
                event.getLong(base + Event.REFERENCE), event.getLong(base + Event.REFERENCE + 8),
                event.getInt(base + Event.PURPOSE), 0, timestampNanos, pending);
        state.saveAccount(debit);
        state.saveAccount(credit);
        if (state.undoing) {
            state.undo.holdState(pending, holdState);
        }
        release(pending, held - posted);
        transfers.holdState[pending] = (byte) (post ? HoldState.POSTED : HoldState.VOIDED).ordinal();
        if (!post) {
            return Result.OK;
        }
        accounts.hot[AccountTable.at(debit) + AccountTable.BALANCE] -= posted;
        accounts.hot[AccountTable.at(credit) + AccountTable.BALANCE] += posted;
        return applyLegs(slot, transfers.asset[pending], timestampNanos);
    }

    private Result sameParties(ByteBuffer event, int base, int pending) {
        long debitHi = event.getLong(base + Event.DEBIT);
        long debitLo = event.getLong(base + Event.DEBIT + 8);
        if ((debitHi != 0 || debitLo != 0) && !matchesAccount(transfers.debit[pending], debitHi, debitLo)) {
            return Result.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT;
        }
        long creditHi = event.getLong(base + Event.CREDIT);
        long creditLo = event.getLong(base + Event.CREDIT + 8);
        if ((creditHi != 0 || creditLo != 0) && !matchesAccount(transfers.credit[pending], creditHi, creditLo)) {
            return Result.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT;
        }
        int asset = event.getInt(base + Event.ASSET);
        if (asset != 0 && asset != transfers.asset[pending]) {
            return Result.PENDING_TRANSFER_HAS_DIFFERENT_ASSET;
        }
        return Result.OK;
    }

    private Result postCheck(int debit, int credit, long posted) {
        if (accounts.status(debit) == FROZEN) {
            return Result.DEBIT_ACCOUNT_FROZEN;
        }
        if (accounts.status(credit) == CLOSED) {
            return Result.CREDIT_ACCOUNT_CLOSED;
        }
        if (accounts.status(credit) == FROZEN) {
            return Result.CREDIT_ACCOUNT_FROZEN;
        }
        return creditCheck(credit, posted);
    }

    /**
     * Releases a hold: the held amount goes back to available, and the part that will not be paid
     * ({@code unpaid}) is taken back from the outflow of the day the hold was placed, if that day's
     * counter is still the current one.
     */
    private void release(int pending, long unpaid) {
        int debit = transfers.debit[pending];
        int at = AccountTable.at(debit) + AccountTable.HELD;
        accounts.hot[at] -= transfers.amount[pending];
        Check.that(accounts.hot[at] >= 0, "held never negative");
        state.countOutflow(debit, state.day(transfers.timestamp[pending]), -unpaid);
    }

    /** Expires every hold whose timeout has passed by {@code nowNanos}. Runs at the start of a batch. */
    void expire(long nowNanos) {
        ExpiryQueue queue = state.expiries;
        while (!queue.isEmpty() && queue.peekExpiresAt() <= nowNanos) {
            int slot = queue.peekSlot();
            queue.pop();
            if (transfers.holdState[slot] == HoldState.PENDING.ordinal()) {
                release(slot, transfers.amount[slot]);
                transfers.holdState[slot] = (byte) HoldState.EXPIRED.ordinal();
            }
        }
    }

    static long expiresAt(long createdNanos, int timeoutSeconds) {
        return createdNanos + timeoutSeconds * State.NANOS_PER_SECOND;
    }

    private void deferExpiry(int slot) {
        if (chainHoldCount == chainHolds.length) {
            chainHolds = java.util.Arrays.copyOf(chainHolds, chainHoldCount * 2);
        }
        chainHolds[chainHoldCount++] = slot;
    }

    /** The chain committed: its holds start ageing. */
    void commitChain() {
        for (int i = 0; i < chainHoldCount; i++) {
            int slot = chainHolds[i];
            state.expiries.push(expiresAt(transfers.timestamp[slot], transfers.timeoutSeconds[slot]), slot,
                    transfers.holdState);
        }
        chainHoldCount = 0;
    }

    /** The chain was rolled back: its holds never existed. */
    void abandonChain() {
        chainHoldCount = 0;
    }

    private int record(long idHi, long idLo, int debit, int credit, long amount, int asset, int flags,
                       long referenceHi, long referenceLo, int purpose, int timeoutSeconds,
                       long timestampNanos, int link) {
        TransferTable t = transfers;
        int slot = t.add(idHi, idLo);
        if (state.undoing) {
            state.undo.transferAdded(slot);
        }
        t.debit[slot] = debit;
        t.credit[slot] = credit;
        t.amount[slot] = amount;
        t.asset[slot] = asset;
        t.flags[slot] = (short) flags;
        t.referenceHi[slot] = referenceHi;
        t.referenceLo[slot] = referenceLo;
        t.purpose[slot] = purpose;
        t.timeoutSeconds[slot] = timeoutSeconds;
        t.timestamp[slot] = timestampNanos;
        t.holdState[slot] = (byte) HoldState.NONE.ordinal();
        t.link[slot] = link;
        return slot;
    }

    private Result askPolicies(PolicyContext.Phase phase, long idHi, long idLo, int debit, int credit,
                               long amount, int asset, int purpose, long referenceHi, long referenceLo,
                               long timestampNanos) {
        legs.clear();
        int debitPolicy = accounts.policy(debit);
        int creditPolicy = accounts.policy(credit);
        if (debitPolicy == 0 && creditPolicy == 0) {
            return Result.OK;
        }
        fillContext(phase, idHi, idLo, debit, credit, amount, asset, purpose, referenceHi, referenceLo,
                timestampNanos);
        context.debitPolicy = debitPolicy == 0 ? 0 : state.policies.id[debitPolicy - 1];
        context.creditPolicy = creditPolicy == 0 ? 0 : state.policies.id[creditPolicy - 1];
        if (debitPolicy != 0) {
            int code = state.policies.policy[debitPolicy - 1].onDebit(context, legs);
            if (code != Policy.ALLOW) {
                return reject(code);
            }
        }
        if (creditPolicy != 0) {
            int code = state.policies.policy[creditPolicy - 1].onCredit(context, legs);
            if (code != Policy.ALLOW) {
                return reject(code);
            }
        }
        if (legs.overflowed) {
            return Result.POLICY_LEGS_EXCEEDED;
        }
        if (phase == PolicyContext.Phase.HOLD) {
            legs.clear(); // a hold moves no money; legs come when it is posted
        }
        return Result.OK;
    }

    private Result reject(int code) {
        Check.that(code > 0 && code <= 0xFFFF, "policy reason code is 1..65535");
        reason = code;
        return Result.POLICY_REJECTED;
    }

    private void fillContext(PolicyContext.Phase phase, long idHi, long idLo, int debit, int credit,
                             long amount, int asset, int purpose, long referenceHi, long referenceLo,
                             long timestampNanos) {
        PolicyContext c = context;
        c.phase = phase;
        c.idHi = idHi;
        c.idLo = idLo;
        c.amount = amount;
        c.asset = asset;
        c.purpose = purpose;
        c.referenceHi = referenceHi;
        c.referenceLo = referenceLo;
        c.timestampNanos = timestampNanos;
        c.day = state.day(timestampNanos);
        c.debitHi = accounts.idHi(debit);
        c.debitLo = accounts.idLo(debit);
        c.debitKind = AccountKind.of(accounts.kind(debit));
        c.debitIntermediary = accounts.intermediary[debit];
        c.creditHi = accounts.idHi(credit);
        c.creditLo = accounts.idLo(credit);
        c.creditKind = AccountKind.of(accounts.kind(credit));
        c.creditIntermediary = accounts.intermediary[credit];
    }

    /** Applies the legs that the policies asked for, as transfers linked to {@code parent}. */
    private Result applyLegs(int parent, int asset, long timestampNanos) {
        int day = state.day(timestampNanos);
        for (int i = 0; i < legs.count; i++) {
            long legHi = legIdHi(transfers.idHi(parent), i);
            long legLo = legIdLo(transfers.idLo(parent), i);
            if (transfers.find(legHi, legLo) >= 0) {
                return Result.EXISTS_WITH_DIFFERENT_FIELDS;
            }
            int debit = accounts.find(legs.debitHi[i], legs.debitLo[i]);
            if (debit < 0) {
                return Result.DEBIT_ACCOUNT_NOT_FOUND;
            }
            int credit = accounts.find(legs.creditHi[i], legs.creditLo[i]);
            if (credit < 0) {
                return Result.CREDIT_ACCOUNT_NOT_FOUND;
            }
            if (debit == credit) {
                return Result.ACCOUNTS_MUST_BE_DIFFERENT;
            }
            if (accounts.asset(debit) != asset || accounts.asset(credit) != asset) {
                return Result.ASSET_MISMATCH;
            }
            Result status = statusCheck(debit, credit);
            if (status != Result.OK) {
                return status;
            }
            long amount = legs.amount[i];
            if (amount < 0) {
                return Result.AMOUNT_MUST_BE_POSITIVE;
            }
            Result funds = fundsCheck(debit, credit, amount, day);
            if (funds != Result.OK) {
                return funds;
            }
            record(legHi, legLo, debit, credit, amount, asset, 0, transfers.referenceHi[parent],
                    transfers.referenceLo[parent], legs.purpose[i], 0, timestampNanos, parent);
            state.saveAccount(debit);
            state.saveAccount(credit);
            state.countOutflow(debit, day, amount);
            accounts.hot[AccountTable.at(debit) + AccountTable.BALANCE] -= amount;
            accounts.hot[AccountTable.at(credit) + AccountTable.BALANCE] += amount;
        }
        legsApplied = legs.count;
        return Result.OK;
    }

    /** Leg ids derive from the parent's id so that replay recreates them exactly. */
    static long legIdHi(long parentHi, int leg) {
        return IdIndex.mix(parentHi, leg + 1);
    }

    static long legIdLo(long parentLo, int leg) {
        return IdIndex.mix(parentLo, ~leg);
    }
}
