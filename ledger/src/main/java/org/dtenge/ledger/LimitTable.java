package org.dtenge.ledger;

import java.util.Arrays;

/**
 * The distinct (holding, payment, daily) limit triples in use, interned so that an account record
 * holds one reference instead of three longs and stays within one cache line. Tiers make triples few;
 * entries are never removed (a triple no account uses any more costs 24 bytes). Interning allocates
 * only when a new triple appears: at account creation or a tier change, never on a transfer.
 */
final class LimitTable {
    private long[] values = new long[3 * 16];
    private int count;
    private int[] buckets = new int[64]; // entry + 1, 0 empty
    private int mask = 63;

    long holding(int ref) {
        return values[3 * ref];
    }

    long payment(int ref) {
        return values[3 * ref + 1];
    }

    long daily(int ref) {
        return values[3 * ref + 2];
    }

    int intern(long holding, long payment, long daily) {
        int bucket = hash(holding, payment, daily) & mask;
        while (buckets[bucket] != 0) {
            int ref = buckets[bucket] - 1;
            if (holding(ref) == holding && payment(ref) == payment && daily(ref) == daily) {
                return ref;
            }
            bucket = (bucket + 1) & mask;
        }
        if (3 * (count + 1) > values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        int ref = count++;
        values[3 * ref] = holding;
        values[3 * ref + 1] = payment;
        values[3 * ref + 2] = daily;
        buckets[bucket] = ref + 1;
        if (count * 2 > buckets.length) {
            rehash();
        }
        return ref;
    }

    private static int hash(long holding, long payment, long daily) {
        return (int) IdIndex.mix(holding * 31 + payment, daily);
    }

    private void rehash() {
        buckets = new int[buckets.length * 2];
        mask = buckets.length - 1;
        for (int ref = 0; ref < count; ref++) {
            int bucket = hash(holding(ref), payment(ref), daily(ref)) & mask;
            while (buckets[bucket] != 0) {
                bucket = (bucket + 1) & mask;
            }
            buckets[bucket] = ref + 1;
        }
    }

    /** A copy for a snapshot image: the values of every entry. */
    long[] copyValues() {
        return Arrays.copyOf(values, 3 * count);
    }
}
