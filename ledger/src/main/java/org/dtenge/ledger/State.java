package org.dtenge.ledger;

/**
 * Everything the ledger holds, shared by the rule classes that change it. Single-threaded: only the
 * thread that calls {@link Ledger#apply} may touch it.
 */
final class State {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long SECONDS_PER_DAY = 86_400L;

    final AccountTable accounts;
    final TransferTable transfers;
    final AssetTable assets = new AssetTable();
    final PolicyTable policies = new PolicyTable();
    final ExpiryQueue expiries;
    final UndoLog undo = new UndoLog();
    final int dayOffsetSeconds;

    /** Timestamp of the last event applied; every batch must start after it. */
    long lastTimestampNanos;
    /** Batches applied so far. */
    long batchCount;

    State(int accountsExpected, int transfersExpected, int dayOffsetSeconds) {
        this.accounts = new AccountTable(accountsExpected);
        this.transfers = new TransferTable(transfersExpected);
        this.expiries = new ExpiryQueue(1024);
        this.dayOffsetSeconds = dayOffsetSeconds;
    }

    /** The ledger day of a timestamp: whole days since the epoch in the ledger's time zone. */
    int day(long timestampNanos) {
        return (int) Math.floorDiv(Math.floorDiv(timestampNanos, NANOS_PER_SECOND) + dayOffsetSeconds,
                SECONDS_PER_DAY);
    }

    /**
     * Whether changes must be saved to the undo log: inside a linked chain, or when a policy added legs
     * that can still fail after the transfer itself changed balances. A lone event without legs makes
     * all its checks before it changes anything, so it needs no undo.
     */
    boolean undoing;

    /** Outflow already counted today for an account (0 when its counter is from an earlier day). */
    long outflowOn(int slot, int day) {
        return accounts.outflowDay(slot) == day ? accounts.outflowToday(slot) : 0;
    }

    /** Saves an account's mutable words to the undo log when they may have to be restored. */
    void saveAccount(int slot) {
        if (undoing) {
            undo.accountFields(accounts, slot);
        }
    }

    /** Adds to (or, with a negative amount, takes back from) an account's outflow of {@code day}. */
    void countOutflow(int slot, int day, long amount) {
        AccountTable a = accounts;
        int at = AccountTable.at(slot);
        long today = a.hot[at + AccountTable.OUTFLOW];
        if (a.outflowDay(slot) != day) {
            if (amount < 0) {
                return; // the counter moved on to a later day: yesterday's outflow is history
            }
            a.setDayPolicy(slot, day, a.policy(slot));
            today = 0;
        }
        // Saturates: an account without a daily limit (the issuer) may move more than Long.MAX_VALUE
        // in a day, and its counter is never compared with anything.
        a.hot[at + AccountTable.OUTFLOW] = amount > 0 && today > Long.MAX_VALUE - amount
                ? Long.MAX_VALUE : Math.max(0, today + amount);
    }
}
