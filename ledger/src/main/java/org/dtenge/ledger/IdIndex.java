package org.dtenge.ledger;

/**
 * Open-addressing hash index from a 128-bit id to a dense slot, with linear probing. A bucket is one
 * long: the upper 32 bits are a fingerprint of the id, the lower 32 bits {@code slot + 1} (0 is
 * empty). The keys themselves live in the owning table, as {@code keys[slot * stride + offset]} (high
 * half) and the long after it (low half), passed in on every call; the fingerprint means a probe
 * reads the table only when the id very likely matches, so a lookup costs one cache miss here and one
 * in the table, and a miss (a new id) usually none in the table at all.
 *
 * <p>Removal is only of the most recently inserted key ({@link #removeLast}), which is what rolling
 * back a linked chain needs; with linear probing that is safe by clearing the bucket, because no key
 * inserted earlier ever probed past a later one.
 */
final class IdIndex {
    private static final int LOAD_PERCENT_MAX = 70;

    private final int stride;
    private final int offset;
    private long[] buckets;
    private int mask;
    private int size;

    IdIndex(int expected, int stride, int offset) {
        this.stride = stride;
        this.offset = offset;
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected * 100L / LOAD_PERCENT_MAX)) - 1) << 1;
        buckets = new long[capacity];
        mask = capacity - 1;
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

    private static long fingerprint(long h) {
        return h & 0xFFFF_FFFF_0000_0000L;
    }

    /** The slot of the id, or -1. */
    int find(long hi, long lo, long[] keys) {
        long h = mix(hi, lo);
        long print = fingerprint(h);
        int bucket = (int) h & mask;
        while (true) {
            long entry = buckets[bucket];
            if (entry == 0) {
                return -1;
            }
            if (fingerprint(entry) == print) {
                int slot = (int) entry - 1;
                int at = slot * stride + offset;
                if (keys[at] == hi && keys[at + 1] == lo) {
                    return slot;
                }
            }
            bucket = (bucket + 1) & mask;
        }
    }

    /** Adds a slot whose key is not yet present; the key must already be in {@code keys}. */
    void insert(int slot, long[] keys) {
        if ((size + 1) * 100L > (long) buckets.length * LOAD_PERCENT_MAX) {
            grow(keys);
        }
        int at = slot * stride + offset;
        place(slot, mix(keys[at], keys[at + 1]));
        size++;
    }

    private void place(int slot, long h) {
        int bucket = (int) h & mask;
        while (buckets[bucket] != 0) {
            bucket = (bucket + 1) & mask;
        }
        buckets[bucket] = fingerprint(h) | (slot + 1L);
    }

    /** Removes the key inserted last; see the class comment for why only that one. */
    void removeLast(int slot, long[] keys) {
        int at = slot * stride + offset;
        int bucket = (int) mix(keys[at], keys[at + 1]) & mask;
        while ((int) buckets[bucket] != slot + 1) {
            Check.that(buckets[bucket] != 0, "removed id is indexed");
            bucket = (bucket + 1) & mask;
        }
        buckets[bucket] = 0;
        size--;
    }

    private void grow(long[] keys) {
        long[] old = buckets;
        buckets = new long[old.length * 2];
        mask = buckets.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) entry - 1;
                int at = slot * stride + offset;
                place(slot, mix(keys[at], keys[at + 1]));
            }
        }
    }

    long bytes() {
        return (long) buckets.length * Long.BYTES;
    }

}
