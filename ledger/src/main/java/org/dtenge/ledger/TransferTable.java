package org.dtenge.ledger;

import java.util.Arrays;

/**
 * All applied transfers as parallel arrays indexed by slot (application order). Ids are unique across
 * the table, which is what makes a transfer id applied at most once.
 *
 * <p>{@code link} is the slot of the pending transfer for a post or void, the slot of the parent for a
 * policy leg, and -1 otherwise.
 */
final class TransferTable {
    int count;
    long[] idHi;
    long[] idLo;
    int[] debit;
    int[] credit;
    long[] amount;
    int[] asset;
    short[] flags;
    long[] referenceHi;
    long[] referenceLo;
    int[] purpose;
    int[] timeoutSeconds;
    long[] timestamp;
    byte[] holdState;
    int[] link;
    final IdIndex index;

    TransferTable(int capacity) {
        allocate(Math.max(16, capacity));
        index = new IdIndex(capacity);
    }

    private void allocate(int capacity) {
        idHi = new long[capacity];
        idLo = new long[capacity];
        debit = new int[capacity];
        credit = new int[capacity];
        amount = new long[capacity];
        asset = new int[capacity];
        flags = new short[capacity];
        referenceHi = new long[capacity];
        referenceLo = new long[capacity];
        purpose = new int[capacity];
        timeoutSeconds = new int[capacity];
        timestamp = new long[capacity];
        holdState = new byte[capacity];
        link = new int[capacity];
    }

    int capacity() {
        return idHi.length;
    }

    int find(long hi, long lo) {
        return index.find(hi, lo, idHi, idLo);
    }

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

    void removeLast() {
        int slot = count - 1;
        index.removeLast(slot, idHi, idLo);
        idHi[slot] = 0;
        idLo[slot] = 0;
        debit[slot] = 0;
        credit[slot] = 0;
        amount[slot] = 0;
        asset[slot] = 0;
        flags[slot] = 0;
        referenceHi[slot] = 0;
        referenceLo[slot] = 0;
        purpose[slot] = 0;
        timeoutSeconds[slot] = 0;
        timestamp[slot] = 0;
        holdState[slot] = 0;
        link[slot] = 0;
        count--;
    }

    void grow(int capacity) {
        idHi = Arrays.copyOf(idHi, capacity);
        idLo = Arrays.copyOf(idLo, capacity);
        debit = Arrays.copyOf(debit, capacity);
        credit = Arrays.copyOf(credit, capacity);
        amount = Arrays.copyOf(amount, capacity);
        asset = Arrays.copyOf(asset, capacity);
        flags = Arrays.copyOf(flags, capacity);
        referenceHi = Arrays.copyOf(referenceHi, capacity);
        referenceLo = Arrays.copyOf(referenceLo, capacity);
        purpose = Arrays.copyOf(purpose, capacity);
        timeoutSeconds = Arrays.copyOf(timeoutSeconds, capacity);
        timestamp = Arrays.copyOf(timestamp, capacity);
        holdState = Arrays.copyOf(holdState, capacity);
        link = Arrays.copyOf(link, capacity);
    }
}
