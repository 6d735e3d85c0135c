package org.dtenge.ledger;

import java.util.Arrays;

/**
 * What a linked chain (or a transfer with policy legs) changed, so that it can be rolled back when a
 * later part fails. Entries are undone newest first. Grows on demand and is reused, so a steady-state
 * ledger allocates nothing here.
 */
final class UndoLog {
    static final int ACCOUNT_FIELDS = 1;
    static final int ACCOUNT_ADDED = 2;
    static final int TRANSFER_ADDED = 3;
    static final int HOLD_STATE = 4;

    private static final int VALUES = AccountTable.MUTABLE_WORDS;

    private int[] kinds = new int[256];
    private int[] slots = new int[256];
    private long[] values = new long[256 * VALUES];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private int next(int kind, int slot) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
            values = Arrays.copyOf(values, size * 2 * VALUES);
        }
        kinds[size] = kind;
        slots[size] = slot;
        return size++;
    }

    /** Saves the mutable words of an account's record (balance to limits). */
    void accountFields(AccountTable accounts, int slot) {
        int base = next(ACCOUNT_FIELDS, slot) * VALUES;
        System.arraycopy(accounts.hot, AccountTable.at(slot) + AccountTable.MUTABLE_FROM, values, base, VALUES);
    }

    void accountAdded(int slot) {
        next(ACCOUNT_ADDED, slot);
    }

    void transferAdded(int slot) {
        next(TRANSFER_ADDED, slot);
    }

    void holdState(int slot, int oldState) {
        values[next(HOLD_STATE, slot) * VALUES] = oldState;
    }

    /** Undoes every entry, newest first, and empties the log. */
    void rollback(AccountTable accounts, TransferTable transfers) {
        for (int i = size - 1; i >= 0; i--) {
            int slot = slots[i];
            int base = i * VALUES;
            switch (kinds[i]) {
                case ACCOUNT_FIELDS -> System.arraycopy(values, base, accounts.hot,
                        AccountTable.at(slot) + AccountTable.MUTABLE_FROM, VALUES);
                case ACCOUNT_ADDED -> {
                    Check.that(slot == accounts.count - 1, "accounts are undone newest first");
                    accounts.removeLast();
                }
                case TRANSFER_ADDED -> {
                    Check.that(slot == transfers.count - 1, "transfers are undone newest first");
                    transfers.removeLast();
                }
                case HOLD_STATE -> transfers.holdState[slot] = (byte) values[base];
                default -> Check.that(false, "known undo entry kind");
            }
        }
        size = 0;
    }
}
