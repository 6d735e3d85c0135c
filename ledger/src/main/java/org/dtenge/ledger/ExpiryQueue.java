package org.dtenge.ledger;

import java.util.Arrays;

/**
 * Min-heap of holds by expiry time, ties broken by transfer slot so that the order in which holds
 * expire never depends on the heap's shape (a restored ledger rebuilds the heap differently but must
 * expire the same holds in the same order). Entries of holds already posted or voided are skipped
 * when they surface.
 */
final class ExpiryQueue {
    private static final int COMPACT_FLOOR = 1024;

    private long[] expiresAt;
    private int[] slots;
    private int size;
    private int compactAt = COMPACT_FLOOR;

    ExpiryQueue(int capacity) {
        expiresAt = new long[Math.max(16, capacity)];
        slots = new int[expiresAt.length];
    }

    int size() {
        return size;
    }

    /** Adds a hold; first drops settled holds if the queue has doubled since it last did. */
    void push(long expiresAtNanos, int slot, byte[] holdStates) {
        if (size >= compactAt) {
            compact(holdStates);
        }
        push(expiresAtNanos, slot);
    }

    /** Keeps only entries whose hold is still pending, then restores the heap order. */
    private void compact(byte[] holdStates) {
        int pending = HoldState.PENDING.ordinal();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (holdStates[slots[i]] == pending) {
                expiresAt[kept] = expiresAt[i];
                slots[kept] = slots[i];
                kept++;
            }
        }
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, expiresAt[i], slots[i]);
        }
        compactAt = Math.max(COMPACT_FLOOR, 2 * size);
    }

    void push(long expiresAtNanos, int slot) {
        if (size == expiresAt.length) {
            expiresAt = Arrays.copyOf(expiresAt, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(expiresAtNanos, slot, expiresAt[parent], slots[parent])) {
                break;
            }
            expiresAt[i] = expiresAt[parent];
            slots[i] = slots[parent];
            i = parent;
        }
        expiresAt[i] = expiresAtNanos;
        slots[i] = slot;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekExpiresAt() {
        Check.that(size > 0, "expiry queue not empty");
        return expiresAt[0];
    }

    int peekSlot() {
        Check.that(size > 0, "expiry queue not empty");
        return slots[0];
    }

    void pop() {
        Check.that(size > 0, "expiry queue not empty");
        size--;
        if (size == 0) {
            return;
        }
        siftDown(0, expiresAt[size], slots[size]);
    }

    /** Places the entry (lastAt, lastSlot) at position {@code i} or below, in heap order. */
    private void siftDown(int i, long lastAt, int lastSlot) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(expiresAt[child + 1], slots[child + 1], expiresAt[child], slots[child])) {
                child++;
            }
            if (!less(expiresAt[child], slots[child], lastAt, lastSlot)) {
                break;
            }
            expiresAt[i] = expiresAt[child];
            slots[i] = slots[child];
            i = child;
        }
        expiresAt[i] = lastAt;
        slots[i] = lastSlot;
    }

    private static boolean less(long atA, int slotA, long atB, int slotB) {
        return atA < atB || (atA == atB && slotA < slotB);
    }
}
