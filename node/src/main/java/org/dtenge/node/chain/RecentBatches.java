package org.dtenge.node.chain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.Receipt;
import org.dtenge.ledger.Event;
import org.dtenge.sequencer.Submission;

/**
 * The last few batches, reassembled in memory from the submissions the sequencer's sync thread acknowledges
 * (every event of every batch comes from a submission of this node, so the pieces always add up to
 * the whole batch). Receipts for fresh payments are cut from here without touching the journal: the
 * tree of a batch is hashed once, on the first receipt asked of it, and every other payment in that
 * batch gets its audit path from the same tree.
 *
 * <p>Bounded by events kept; older batches are dropped and their receipts come from the journal.
 */
public final class RecentBatches {
    private final int eventsMax;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
    private long eventsKept;
    private long droppedUpTo;

    /**
     * @param durableSequence the journal's head at start: earlier batches were written by an earlier
     *                        run, so they are never assembled here and their receipts come from the journal
     */
    public RecentBatches(int eventsMax, long durableSequence) {
        this.eventsMax = eventsMax;
        this.droppedUpTo = durableSequence;
    }

    /** Called on the sequencer's sync thread for each acknowledged submission, in journal order. */
    public void add(Submission submission) {
        Entry entry;
        synchronized (this) {
            long sequence = submission.batch().sequence();
            if (sequence <= droppedUpTo) {
                return;
            }
            entry = entries.computeIfAbsent(sequence, Entry::new);
            entry.parts.add(submission);
            entry.header = submission.batch();
            entry.events += submission.count();
            eventsKept += submission.count();
            dropOld();
        }
        if (entry.events == entry.header.eventCount()) {
            entry.whole.complete(entry);
        }
    }

    private void dropOld() {
        Iterator<Map.Entry<Long, Entry>> oldest = entries.entrySet().iterator();
        while (eventsKept > eventsMax && oldest.hasNext()) {
            Entry entry = oldest.next().getValue();
            if (entry.header == null || entry.events < entry.header.eventCount()) {
                return; // never drop a batch still being assembled, nor one a reader waits for
            }
            eventsKept -= entry.events;
            droppedUpTo = entry.sequence;
            oldest.remove();
        }
    }

    /**
     * The batch {@code sequence} once whole, if it is (or will be) kept here. A reader may ask before
     * the sync thread has handed over its own submission: the entry then waits for it.
     */
    public synchronized Optional<CompletableFuture<Entry>> find(long sequence) {
        if (sequence <= droppedUpTo) {
            return Optional.empty();
        }
        return Optional.of(entries.computeIfAbsent(sequence, Entry::new).whole);
    }

    /** One batch: its header and the submissions that made it, in order. */
    public static final class Entry {
        private final long sequence;
        private final List<Submission> parts = new ArrayList<>();
        private final CompletableFuture<Entry> whole = new CompletableFuture<>();
        private BatchHeader header;
        private int events;
        private BatchTree tree;

        private Entry(long sequence) {
            this.sequence = sequence;
        }

        /** The receipt of event {@code index}, chained to this batch itself (no later headers). */
        public Receipt receipt(int index) {
            BatchTree batchTree = tree();
            Submission part = partHolding(index);
            int local = index - part.firstIndex();
            byte[] event = java.util.Arrays.copyOfRange(part.events().array(), local * Event.SIZE, (local + 1) * Event.SIZE);
            return new Receipt(event, part.results().packed(local), index, header, batchTree.auditPath(index), List.of());
        }

        private synchronized BatchTree tree() {
            if (tree == null) {
                tree = new BatchTree(header.eventCount(), (i, digest) -> {
                    Submission part = partHolding(i);
                    int local = i - part.firstIndex();
                    digest.update(part.events().array(), local * Event.SIZE, Event.SIZE);
                    int packed = part.results().packed(local);
                    digest.update(new byte[] {(byte) packed, (byte) (packed >>> 8), (byte) (packed >>> 16), (byte) (packed >>> 24)});
                });
                if (!header.hasRoot(tree.root())) {
                    throw new IllegalStateException("invariant broken: batch " + sequence
                            + " reassembled from its submissions does not hash to its Merkle root");
                }
            }
            return tree;
        }

        private Submission partHolding(int index) {
            // Parts are in batch order: the last one starting at or before the index holds it.
            int low = 0;
            int high = parts.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (parts.get(mid).firstIndex() <= index) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return parts.get(low);
        }
    }
}
