package org.dtenge.journal;

import java.util.Arrays;

/**
 * Where each batch of the journal is and what it holds, in memory: for sequence {@code s} (from 1), its
 * first event's timestamp, event count, segment, byte offset and hash. About 56 bytes per batch in
 * parallel primitive arrays that double when full.
 */
final class BatchIndex {
    private long[] timestampNanos = new long[1024];
    private int[] eventCounts = new int[1024];
    private int[] segments = new int[1024];
    private long[] offsets = new long[1024];
    private byte[] hashes = new byte[1024 * Merkle.HASH_SIZE];
    private int size;

    /** The number of batches, which is also the sequence of the last one. */
    long size() {
        return size;
    }

    void add(long sequence, long timestamp, int eventCount, int segment, long offset, byte[] hash) {
        if (sequence != size + 1L) {
            throw new IllegalStateException("invariant broken: index adds batch " + sequence + " after " + size);
        }
        if (size == offsets.length) {
            int capacity = Math.multiplyExact(size, 2);
            timestampNanos = Arrays.copyOf(timestampNanos, capacity);
            eventCounts = Arrays.copyOf(eventCounts, capacity);
            segments = Arrays.copyOf(segments, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            hashes = Arrays.copyOf(hashes, Math.multiplyExact(capacity, Merkle.HASH_SIZE));
        }
        timestampNanos[size] = timestamp;
        eventCounts[size] = eventCount;
        segments[size] = segment;
        offsets[size] = offset;
        System.arraycopy(hash, 0, hashes, size * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
        size++;
    }

    long timestampNanos(long sequence) {
        return timestampNanos[slot(sequence)];
    }

    int eventCount(long sequence) {
        return eventCounts[slot(sequence)];
    }

    int segment(long sequence) {
        return segments[slot(sequence)];
    }

    long offset(long sequence) {
        return offsets[slot(sequence)];
    }

    /** The hash of batch {@code sequence}, or the zero hash for sequence 0. */
    byte[] hash(long sequence) {
        if (sequence == 0) {
            return BatchHeader.zeroHash();
        }
        int from = slot(sequence) * Merkle.HASH_SIZE;
        return Arrays.copyOfRange(hashes, from, from + Merkle.HASH_SIZE);
    }

    /** The sequence of the batch whose events span {@code timestamp}, or 0 when none does. */
    long sequenceAt(long timestamp) {
        // The batches' event spans [t, t + count) increase and do not overlap, so binary search the starts.
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (timestampNanos[middle] <= timestamp) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || timestamp - timestampNanos[found] >= eventCounts[found]) {
            return 0;
        }
        return found + 1L;
    }

    private int slot(long sequence) {
        if (sequence < 1 || sequence > size) {
            throw new IllegalArgumentException("no batch " + sequence + " in a journal of " + size);
        }
        return (int) (sequence - 1);
    }
}
