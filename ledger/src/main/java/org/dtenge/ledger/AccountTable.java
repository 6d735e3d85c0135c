package org.dtenge.ledger;

import java.util.Arrays;

/**
 * All accounts as parallel arrays indexed by slot (creation order). Columns instead of objects keep an
 * account at about 140 bytes with its index entry, and let snapshots copy whole arrays.
 *
 * <p>Mutable fields (balance, held, outflow, status, tier, limits) change only through the ledger,
 * which records their old values in the undo log first.
 */
final class AccountTable {
    int count;
    long[] idHi;
    long[] idLo;
    int[] asset;
    byte[] kind;
    byte[] status;
    byte[] tier;
    long[] intermediary;
    byte[] ownerKey;
    long[] holdingLimit;
    long[] paymentLimit;
    long[] dailyLimit;
    long[] balance;
    long[] held;
    long[] outflowToday;
    int[] outflowDay;
    int[] policy;
    long[] timestamp;
    final IdIndex index;

    AccountTable(int capacity) {
        allocate(Math.max(16, capacity));
        index = new IdIndex(capacity);
    }

    private void allocate(int capacity) {
        idHi = new long[capacity];
        idLo = new long[capacity];
        asset = new int[capacity];
        kind = new byte[capacity];
        status = new byte[capacity];
        tier = new byte[capacity];
        intermediary = new long[capacity];
        ownerKey = new byte[capacity * Event.OWNER_KEY_SIZE];
        holdingLimit = new long[capacity];
        paymentLimit = new long[capacity];
        dailyLimit = new long[capacity];
        balance = new long[capacity];
        held = new long[capacity];
        outflowToday = new long[capacity];
        outflowDay = new int[capacity];
        policy = new int[capacity];
        timestamp = new long[capacity];
    }

    int capacity() {
        return idHi.length;
    }

    int find(long hi, long lo) {
        return index.find(hi, lo, idHi, idLo);
    }

    /** Appends a new account and indexes it; the caller has checked that the id is new. */
    int add(long hi, long lo) {
        if (count == idHi.length) {
            grow(count + (count >> 1));
        }
        int slot = count++;
        idHi[slot] = hi;
        idLo[slot] = lo;
        index.insert(slot, idHi, idLo);
        return slot;
    }

    /** Undoes the latest {@link #add}. */
    void removeLast() {
        int slot = count - 1;
        index.removeLast(slot, idHi, idLo);
        clearSlot(slot);
        count--;
    }

    private void clearSlot(int slot) {
        idHi[slot] = 0;
        idLo[slot] = 0;
        asset[slot] = 0;
        kind[slot] = 0;
        status[slot] = 0;
        tier[slot] = 0;
        intermediary[slot] = 0;
        Arrays.fill(ownerKey, slot * Event.OWNER_KEY_SIZE, (slot + 1) * Event.OWNER_KEY_SIZE, (byte) 0);
        holdingLimit[slot] = 0;
        paymentLimit[slot] = 0;
        dailyLimit[slot] = 0;
        balance[slot] = 0;
        held[slot] = 0;
        outflowToday[slot] = 0;
        outflowDay[slot] = 0;
        policy[slot] = 0;
        timestamp[slot] = 0;
    }

    void grow(int capacity) {
        idHi = Arrays.copyOf(idHi, capacity);
        idLo = Arrays.copyOf(idLo, capacity);
        asset = Arrays.copyOf(asset, capacity);
        kind = Arrays.copyOf(kind, capacity);
        status = Arrays.copyOf(status, capacity);
        tier = Arrays.copyOf(tier, capacity);
        intermediary = Arrays.copyOf(intermediary, capacity);
        ownerKey = Arrays.copyOf(ownerKey, capacity * Event.OWNER_KEY_SIZE);
        holdingLimit = Arrays.copyOf(holdingLimit, capacity);
        paymentLimit = Arrays.copyOf(paymentLimit, capacity);
        dailyLimit = Arrays.copyOf(dailyLimit, capacity);
        balance = Arrays.copyOf(balance, capacity);
        held = Arrays.copyOf(held, capacity);
        outflowToday = Arrays.copyOf(outflowToday, capacity);
        outflowDay = Arrays.copyOf(outflowDay, capacity);
        policy = Arrays.copyOf(policy, capacity);
        timestamp = Arrays.copyOf(timestamp, capacity);
    }

    /** Bytes held per account slot, index included, for the memory budget. */
    long bytes() {
        long perSlot = 8 + 8 + 4 + 1 + 1 + 1 + 8 + Event.OWNER_KEY_SIZE + 8 * 3 + 8 + 8 + 8 + 4 + 4 + 8;
        return perSlot * capacity() + index.bytes();
    }
}
