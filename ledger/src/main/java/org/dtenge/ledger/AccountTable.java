package org.dtenge.ledger;

import java.util.Arrays;

/**
 * All accounts, indexed by slot (creation order). What a transfer reads and writes sits in one
 * 64-byte record per account in {@link #hot}, so that touching an account costs one cache miss:
 *
 * <pre>
 * word  field
 *   0   id, high half
 *   1   id, low half
 *   2   balance
 *   3   held (sum of open holds)
 *   4   outflow counted on the day in word 6
 *   5   meta: asset (bits 0-31) | kind (32-39) | status (40-47) | tier (48-55)
 *   6   outflow day (bits 0-31) | policy slot + 1, 0 for none (32-63)
 *   7   limits: reference into the {@link LimitTable} (holding, payment, daily)
 * </pre>
 *
 * The first record starts {@value #PAD} words into the array so that, in the large arrays the JVM
 * places at region boundaries, records line up with cache lines. Owner key, intermediary and creation
 * time, which no transfer reads, live in their own columns.
 *
 * <p>Mutable words (2 to 7) change only through the ledger, which copies them to the undo log first
 * when the change may still have to be taken back.
 */
final class AccountTable {
    static final int STRIDE = 8;
    static final int PAD = 6;
    static final int ID_HI = 0;
    static final int ID_LO = 1;
    static final int BALANCE = 2;
    static final int HELD = 3;
    static final int OUTFLOW = 4;
    static final int META = 5;
    static final int DAY_POLICY = 6;
    static final int LIMITS = 7;
    /** Words 2..7: what the undo log saves. */
    static final int MUTABLE_FROM = BALANCE;
    static final int MUTABLE_WORDS = STRIDE - BALANCE;

    int count;
    long[] hot;
    long[] intermediary;
    byte[] ownerKey;
    long[] timestamp;
    final LimitTable limits = new LimitTable();
    final IdIndex index;

    AccountTable(int capacity) {
        allocate(Math.max(16, capacity));
        index = new IdIndex(capacity, STRIDE, PAD + ID_HI);
    }

    private void allocate(int capacity) {
        hot = new long[PAD + capacity * STRIDE];
        intermediary = new long[capacity];
        ownerKey = new byte[capacity * Event.OWNER_KEY_SIZE];
        timestamp = new long[capacity];
    }

    int capacity() {
        return intermediary.length;
    }

    /** Where the record of {@code slot} starts in {@link #hot}. */
    static int at(int slot) {
        return PAD + slot * STRIDE;
    }

    int find(long hi, long lo) {
        return index.find(hi, lo, hot);
    }

    /** Appends a new account and indexes it; the caller has checked that the id is new. */
    int add(long hi, long lo) {
        if (count == capacity()) {
            grow(count + (count >> 1));
        }
        int slot = count++;
        hot[at(slot) + ID_HI] = hi;
        hot[at(slot) + ID_LO] = lo;
        index.insert(slot, hot);
        return slot;
    }

    /** Undoes the latest {@link #add}. */
    void removeLast() {
        int slot = count - 1;
        index.removeLast(slot, hot);
        Arrays.fill(hot, at(slot), at(slot) + STRIDE, 0);
        intermediary[slot] = 0;
        Arrays.fill(ownerKey, slot * Event.OWNER_KEY_SIZE, (slot + 1) * Event.OWNER_KEY_SIZE, (byte) 0);
        timestamp[slot] = 0;
        count--;
    }

    void grow(int capacity) {
        hot = Arrays.copyOf(hot, PAD + capacity * STRIDE);
        intermediary = Arrays.copyOf(intermediary, capacity);
        ownerKey = Arrays.copyOf(ownerKey, capacity * Event.OWNER_KEY_SIZE);
        timestamp = Arrays.copyOf(timestamp, capacity);
    }

    long idHi(int slot) {
        return hot[at(slot) + ID_HI];
    }

    long idLo(int slot) {
        return hot[at(slot) + ID_LO];
    }

    long balance(int slot) {
        return hot[at(slot) + BALANCE];
    }

    long held(int slot) {
        return hot[at(slot) + HELD];
    }

    long outflowToday(int slot) {
        return hot[at(slot) + OUTFLOW];
    }

    int asset(int slot) {
        return (int) hot[at(slot) + META];
    }

    int kind(int slot) {
        return (int) (hot[at(slot) + META] >>> 32) & 0xFF;
    }

    int status(int slot) {
        return (int) (hot[at(slot) + META] >>> 40) & 0xFF;
    }

    int tier(int slot) {
        return (int) (hot[at(slot) + META] >>> 48) & 0xFF;
    }

    int outflowDay(int slot) {
        return (int) hot[at(slot) + DAY_POLICY];
    }

    /** The policy's slot + 1, or 0 for none. */
    int policy(int slot) {
        return (int) (hot[at(slot) + DAY_POLICY] >>> 32);
    }

    long holdingLimit(int slot) {
        return limits.holding((int) hot[at(slot) + LIMITS]);
    }

    long paymentLimit(int slot) {
        return limits.payment((int) hot[at(slot) + LIMITS]);
    }

    long dailyLimit(int slot) {
        return limits.daily((int) hot[at(slot) + LIMITS]);
    }

    static long meta(int asset, int kind, int status, int tier) {
        return (asset & 0xFFFF_FFFFL) | (long) (kind & 0xFF) << 32 | (long) (status & 0xFF) << 40
                | (long) (tier & 0xFF) << 48;
    }

    void setMeta(int slot, int asset, int kind, int status, int tier) {
        hot[at(slot) + META] = meta(asset, kind, status, tier);
    }

    void setStatus(int slot, int status) {
        setMeta(slot, asset(slot), kind(slot), status, tier(slot));
    }

    void setTier(int slot, int tier) {
        setMeta(slot, asset(slot), kind(slot), status(slot), tier);
    }

    void setDayPolicy(int slot, int outflowDay, int policy) {
        hot[at(slot) + DAY_POLICY] = (outflowDay & 0xFFFF_FFFFL) | (long) policy << 32;
    }

    void setLimits(int slot, long holding, long payment, long daily) {
        hot[at(slot) + LIMITS] = limits.intern(holding, payment, daily);
    }

    /** Bytes held per account slot, index included, for the memory budget. */
    long bytes() {
        long perSlot = STRIDE * 8 + 8 + Event.OWNER_KEY_SIZE + 8;
        return perSlot * capacity() + index.bytes();
    }
}
