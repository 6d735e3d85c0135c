package org.dtenge.ledger;

import java.util.Arrays;

/**
 * All applied transfers as parallel arrays indexed by slot (application order). Ids are unique across
 * the table, which is what makes a transfer id applied at most once; they sit interleaved in
 * {@link #ids} (high half at {@code 2 * slot}, low half after it) so that the index confirms a match
 * with one read.
 *
 * <p>{@code link} is the slot of the pending transfer for a post or void, the slot of the parent for a
 * policy leg, and -1 otherwise.
 */
final class TransferTable {
    int count;
    long[] ids;
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
        index = new IdIndex(capacity, 2, 0);
    }

    private void allocate(int capacity) {
        ids = new long[2 * capacity];
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
        return debit.length;
    }

    long idHi(int slot) {
        return ids[2 * slot];
    }

    long idLo(int slot) {
        return ids[2 * slot + 1];
    }

    int find(long hi, long lo) {
        return index.find(hi, lo, ids);
    }

    int add(long hi, long lo) {
        if (count == capacity()) {
            grow(count + (count >> 1));
        }
        int slot = count++;
        ids[2 * slot] = hi;
        ids[2 * slot + 1] = lo;
        index.insert(slot, ids);
        return slot;
    }

    void removeLast() {
        int slot = count - 1;
        index.removeLast(slot, ids);
        ids[2 * slot] = 0;
        ids[2 * slot + 1] = 0;
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
        ids = Arrays.copyOf(ids, 2 * capacity);
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
