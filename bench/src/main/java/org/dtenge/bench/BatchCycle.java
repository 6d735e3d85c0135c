package org.dtenge.bench;

import java.nio.ByteBuffer;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;

/**
 * A ring of full, pre-generated transfer batches that a benchmark can apply for as long as it runs.
 * Generating 8,190 events costs about as much as applying them, so it happens once, before measuring;
 * each later round adds the number of ids the ring holds to every transfer id (and to the hold a post
 * or void names), which turns the batch into new transfers at the cost of two longs per event, about
 * 0.5% of applying it.
 *
 * <p>The ring is closed: every hold placed in it is settled in it ({@link TransferStream#fill}'s closing
 * mode), so each round replays the same mix.
 */
final class BatchCycle {
    private final EventBatch[] batches;
    private final long idsPerRound;
    private int next;
    private long round;

    /** Generates {@code count} full batches from {@code stream}, the last one closing. */
    BatchCycle(TransferStream stream, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a cycle needs at least one batch: " + count);
        }
        batches = new EventBatch[count];
        long first = stream.idsUsed();
        for (int i = 0; i < count; i++) {
            batches[i] = new EventBatch();
            stream.fill(batches[i], Long.MAX_VALUE, i == count - 1);
            if (!batches[i].isFull()) {
                throw new IllegalStateException("invariant broken: generated batches are full");
            }
        }
        idsPerRound = stream.idsUsed() - first;
    }

    int size() {
        return batches.length;
    }

    /** The next batch, renumbered when the ring comes round to it again. */
    EventBatch next() {
        EventBatch batch = batches[next];
        if (round > 0) {
            renumber(batch, idsPerRound);
        }
        next++;
        if (next == batches.length) {
            next = 0;
            round++;
        }
        return batch;
    }

    private static void renumber(EventBatch batch, long delta) {
        ByteBuffer events = batch.buffer();
        for (int i = 0; i < batch.count(); i++) {
            int base = i * Event.SIZE;
            events.putLong(base + Event.ID + 8, events.getLong(base + Event.ID + 8) + delta);
            if ((events.getShort(base + Event.FLAGS) & (Event.POST_PENDING | Event.VOID_PENDING)) != 0) {
                events.putLong(base + Event.PENDING_ID + 8, events.getLong(base + Event.PENDING_ID + 8) + delta);
            }
        }
    }
}
