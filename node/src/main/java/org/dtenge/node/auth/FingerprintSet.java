package org.dtenge.node.auth;

/**
 * A set of 128-bit fingerprints in two flat arrays of longs, open addressing with linear probing: no
 * object per entry, so millions of entries cost the collector nothing to trace. Not thread-safe.
 * The fingerprint (0, 0) marks an empty slot, so callers must never add it.
 */
final class FingerprintSet {
    /** Grows past this share of slots in use: linear probing stays short below it. */
    private static final double LOAD_MAX = 0.7;

    private long[] his;
    private long[] los;
    private int size;
    private int growAt;

    /** A set that holds {@code expected} fingerprints without growing. */
    FingerprintSet(int expected) {
        long wanted = Math.max(16, (long) Math.ceil(expected / LOAD_MAX) + 1);
        allocate((int) Math.min(1L << 30, Long.highestOneBit(wanted - 1) << 1));
    }

    int size() {
        return size;
    }

    /** Slots in the table: what the set's memory is, 16 bytes each. */
    int capacity() {
        return his.length;
    }

    boolean contains(long hi, long lo) {
        int mask = his.length - 1;
        for (int i = slot(hi, lo, mask); ; i = (i + 1) & mask) {
            if (his[i] == hi && los[i] == lo) {
                return true;
            }
            if (his[i] == 0 && los[i] == 0) {
                return false;
            }
        }
    }

    /** Adds the fingerprint; false if it was there already. */
    boolean add(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            throw new IllegalArgumentException("(0, 0) marks an empty slot and cannot be added");
        }
        int mask = his.length - 1;
        int i = slot(hi, lo, mask);
        for (; his[i] != 0 || los[i] != 0; i = (i + 1) & mask) {
            if (his[i] == hi && los[i] == lo) {
                return false;
            }
        }
        his[i] = hi;
        los[i] = lo;
        if (++size > growAt) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] oldHis = his;
        long[] oldLos = los;
        allocate(oldHis.length << 1);
        int mask = his.length - 1;
        for (int j = 0; j < oldHis.length; j++) {
            if (oldHis[j] != 0 || oldLos[j] != 0) {
                int i = slot(oldHis[j], oldLos[j], mask);
                while (his[i] != 0 || los[i] != 0) {
                    i = (i + 1) & mask;
                }
                his[i] = oldHis[j];
                los[i] = oldLos[j];
            }
        }
    }

    private void allocate(int slots) {
        his = new long[slots];
        los = new long[slots];
        growAt = (int) (slots * LOAD_MAX);
    }

    /** The fingerprints are already uniform (a salted SHA-256), so their low bits choose the slot. */
    private static int slot(long hi, long lo, int mask) {
        return (int) (lo ^ hi) & mask;
    }
}
