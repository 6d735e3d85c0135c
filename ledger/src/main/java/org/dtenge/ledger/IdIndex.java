package org.dtenge.ledger;

import java.util.Arrays;

/**
 * Open-addressing hash index from a 128-bit id to a dense slot, with linear probing. Buckets hold
 * {@code slot + 1} (0 is empty); the keys themselves live in the owning table's arrays, which are
 * passed in on every call, so the index costs 4 bytes per bucket and allocates nothing while it does
 * not grow.
 *
 * <p>Removal is only of the most recently inserted key ({@link #removeLast}), which is what rolling
 * back a linked chain needs; with linear probing that is safe by clearing the bucket, because no key
 * inserted earlier ever probed past a later one.
 */
final class IdIndex {
    private static final int LOAD_PERCENT_MAX = 70;

    private int[] buckets;
    private int mask;
    private int size;

    IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected * 100L / LOAD_PERCENT_MAX)) - 1) << 1;
        buckets = new int[capacity];
        mask = capacity - 1;
    }

    static int hash(long hi, long lo) {
        return (int) mix(hi, lo);
    }

    /** A 64-bit mix of two longs (murmur3's finaliser over a multiply-xor of the halves). */
    static long mix(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** The slot of the id, or -1. */
    int find(long hi, long lo, long[] keysHi, long[] keysLo) {
        int bucket = hash(hi, lo) & mask;
        while (true) {
            int entry = buckets[bucket];
            if (entry == 0) {
                return -1;
            }
            int slot = entry - 1;
            if (keysHi[slot] == hi && keysLo[slot] == lo) {
                return slot;
            }
            bucket = (bucket + 1) & mask;
        }
    }

    /** Adds a slot whose key is not yet present; the key must already be in the arrays. */
    void insert(int slot, long[] keysHi, long[] keysLo) {
        if ((size + 1) * 100L > (long) buckets.length * LOAD_PERCENT_MAX) {
            grow(keysHi, keysLo);
        }
        place(slot, keysHi[slot], keysLo[slot]);
        size++;
    }

    private void place(int slot, long hi, long lo) {
        int bucket = hash(hi, lo) & mask;
        while (buckets[bucket] != 0) {
            bucket = (bucket + 1) & mask;
        }
        buckets[bucket] = slot + 1;
    }

    /** Removes the key inserted last; see the class comment for why only that one. */
    void removeLast(int slot, long[] keysHi, long[] keysLo) {
        int bucket = hash(keysHi[slot], keysLo[slot]) & mask;
        while (buckets[bucket] != slot + 1) {
            Check.that(buckets[bucket] != 0, "removed id is indexed");
            bucket = (bucket + 1) & mask;
        }
        buckets[bucket] = 0;
        size--;
    }

    private void grow(long[] keysHi, long[] keysLo) {
        int[] old = buckets;
        buckets = new int[old.length * 2];
        mask = buckets.length - 1;
        for (int entry : old) {
            if (entry != 0) {
                place(entry - 1, keysHi[entry - 1], keysLo[entry - 1]);
            }
        }
    }

    int size() {
        return size;
    }

    long bytes() {
        return (long) buckets.length * Integer.BYTES;
    }

    void clear() {
        Arrays.fill(buckets, 0);
        size = 0;
    }
}
