package org.dtenge.node.chain;

import java.util.List;
import java.util.Optional;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.LeafData;
import org.dtenge.journal.Receipt;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.Results;
import org.dtenge.sequencer.Submission;

/**
 * The last batches, reassembled in memory from the submissions the sequencer's sync thread acknowledges
 * (every event of every batch comes from a submission of this node, so the pieces always add up to
 * the whole batch). Receipts for fresh payments are cut from here without touching the journal: the
 * tree of a batch is hashed once, on the first receipt asked of it, and every other payment in that
 * batch gets its audit path from the same tree.
 *
 * <p>The events and results are copied into rings allocated once, and each batch's header and tree sit
 * in a slot of fixed arrays, so that keeping a few seconds of batches adds nothing per payment for the
 * garbage collector to trace: keeping the submissions themselves made each young collection of the
 * node trace and move some 300,000 objects (docs/benchmarks.md, 2026-12-04).
 *
 * <p>Bounded by events and by batches kept; an older batch, or one this node's run did not assemble
 * whole, gives no receipt here, and its receipts come from the journal.
 */
public final class RecentBatches {
    private final int eventsMax;
    private final byte[] events;
    private final int[] results;
    private final long[] sequences;
    private final BatchHeader[] headers;
    /** Where each slot's batch starts in the rings, counted from the first event ever kept. */
    private final long[] starts;
    /** Events added to each slot's batch so far; -1 when a part came out of order (it is not kept). */
    private final int[] filled;
    private final BatchTree[] trees;
    /** One per slot: a batch's tree is built under it, so that requests for the same batch hash it once. */
    private final Object[] treeLocks;
    /** Batches up to this one were written by an earlier run. */
    private final long startSequence;
    /** Ring position of the next batch's first event. */
    private long reserved;
    /** The oldest batch whose slot may still hold its header and tree. */
    private long oldest;

    /**
     * @param eventsMax       events kept at most (at least one whole batch of the largest size, or large
     *                        batches give their receipts from the journal)
     * @param batchesMax      batches kept at most
     * @param durableSequence the journal's head at start: earlier batches were written by an earlier
     *                        run, so they are never assembled here and their receipts come from the journal
     */
    public RecentBatches(int eventsMax, int batchesMax, long durableSequence) {
        if (eventsMax < 1 || batchesMax < 1) {
            throw new IllegalArgumentException("keep at least one event and one batch");
        }
        this.eventsMax = eventsMax;
        this.events = new byte[Math.multiplyExact(eventsMax, Event.SIZE)];
        this.results = new int[eventsMax];
        this.sequences = new long[batchesMax];
        this.headers = new BatchHeader[batchesMax];
        this.starts = new long[batchesMax];
        this.filled = new int[batchesMax];
        this.trees = new BatchTree[batchesMax];
        this.treeLocks = new Object[batchesMax];
        java.util.Arrays.setAll(treeLocks, i -> new Object());
        this.startSequence = durableSequence;
        this.oldest = durableSequence + 1;
    }

    /** Called on the sequencer's sync thread for each acknowledged submission, in journal order. */
    public synchronized void add(Submission submission) {
        BatchHeader header = submission.batch();
        long sequence = header.sequence();
        if (sequence <= startSequence) {
            return;
        }
        int slot = slot(sequence);
        if (sequences[slot] != sequence) {
            open(slot, header, submission.firstIndex() == 0 && header.eventCount() <= eventsMax);
        }
        int first = submission.firstIndex();
        int count = submission.count();
        if (filled[slot] != first || first + count > header.eventCount()) {
            filled[slot] = -1; // a part missing or out of order: the journal answers for this batch
            return;
        }
        // Two copies at most: up to the end of the rings, then from their start (a batch fits in them).
        int at = ring(starts[slot] + first);
        int beforeWrap = Math.min(count, eventsMax - at);
        byte[] source = submission.events().array();
        System.arraycopy(source, 0, events, at * Event.SIZE, beforeWrap * Event.SIZE);
        System.arraycopy(source, beforeWrap * Event.SIZE, events, 0, (count - beforeWrap) * Event.SIZE);
        Results packed = submission.results();
        for (int i = 0; i < beforeWrap; i++) {
            results[at + i] = packed.packed(i);
        }
        for (int i = beforeWrap; i < count; i++) {
            results[i - beforeWrap] = packed.packed(i);
        }
        filled[slot] += count;
    }

    /** Starts a batch in {@code slot}, taking its room in the rings, and forgets the batches it overwrites. */
    private void open(int slot, BatchHeader header, boolean keep) {
        sequences[slot] = header.sequence();
        headers[slot] = header;
        trees[slot] = null;
        starts[slot] = reserved;
        filled[slot] = keep ? 0 : -1;
        if (keep) {
            reserved += header.eventCount();
        }
        while (oldest < header.sequence()) {
            int old = slot(oldest);
            if (sequences[old] == oldest) {
                if (filled[old] >= 0 && starts[old] >= reserved - eventsMax) {
                    break; // still in the rings, and so is every later batch
                }
                headers[old] = null;
                trees[old] = null;
                filled[old] = -1;
            }
            oldest++;
        }
    }

    /**
     * The receipt of event {@code index} of batch {@code sequence}, chained to that batch itself (no later
     * headers), if the batch is here whole; empty if the journal must answer. The batch's tree is built
     * once, by the first request that needs it, from a copy and under the slot's own lock, so that the
     * sync thread's {@link #add} never waits for hashing.
     */
    public Optional<Receipt> receipt(long sequence, int index) {
        byte[] event = new byte[Event.SIZE];
        BatchHeader header;
        BatchTree tree;
        int result;
        byte[] batchEvents = null;
        int[] batchResults = null;
        int slot = slot(sequence);
        synchronized (this) {
            if (!whole(slot, sequence)) {
                return Optional.empty();
            }
            header = headers[slot];
            int count = header.eventCount();
            if (index < 0 || index >= count) {
                return Optional.empty(); // the journal says what is wrong with the index
            }
            int at = ring(starts[slot] + index);
            System.arraycopy(events, at * Event.SIZE, event, 0, Event.SIZE);
            result = results[at];
            tree = trees[slot];
            if (tree == null) {
                batchEvents = new byte[count * Event.SIZE];
                batchResults = new int[count];
                for (int i = 0; i < count; i++) {
                    int from = ring(starts[slot] + i);
                    System.arraycopy(events, from * Event.SIZE, batchEvents, i * Event.SIZE, Event.SIZE);
                    batchResults[i] = results[from];
                }
            }
        }
        if (tree == null) {
            tree = built(slot, sequence, header, batchEvents, batchResults);
        }
        return Optional.of(new Receipt(event, result, index, header, tree.auditPath(index), List.of()));
    }

    /** The batch's tree: the one another request built meanwhile, or one built here from the copy. */
    private BatchTree built(int slot, long sequence, BatchHeader header, byte[] batchEvents, int[] batchResults) {
        synchronized (treeLocks[slot]) { // then the rings' lock, never the other way round
            synchronized (this) {
                if (whole(slot, sequence) && trees[slot] != null) {
                    return trees[slot];
                }
            }
            BatchTree tree = checked(header, new BatchTree(header.eventCount(), leaves(batchEvents, batchResults)));
            synchronized (this) {
                if (whole(slot, sequence) && trees[slot] == null) {
                    trees[slot] = tree;
                }
            }
            return tree;
        }
    }

    private boolean whole(int slot, long sequence) {
        return sequences[slot] == sequence && headers[slot] != null && filled[slot] == headers[slot].eventCount()
                && starts[slot] >= reserved - eventsMax;
    }

    private static LeafData leaves(byte[] batchEvents, int[] batchResults) {
        byte[] resultLe = new byte[Integer.BYTES];
        return (i, digest) -> {
            digest.update(batchEvents, i * Event.SIZE, Event.SIZE);
            putResult(resultLe, batchResults[i]);
            digest.update(resultLe);
        };
    }

    private static void putResult(byte[] into, int packed) {
        into[0] = (byte) packed;
        into[1] = (byte) (packed >>> 8);
        into[2] = (byte) (packed >>> 16);
        into[3] = (byte) (packed >>> 24);
    }

    private static BatchTree checked(BatchHeader header, BatchTree tree) {
        if (!header.hasRoot(tree.root())) {
            throw new IllegalStateException("invariant broken: batch " + header.sequence()
                    + " reassembled from its submissions does not hash to its Merkle root");
        }
        return tree;
    }

    private int slot(long sequence) {
        return (int) Math.floorMod(sequence, (long) sequences.length);
    }

    private int ring(long position) {
        return (int) (position % eventsMax);
    }
}
