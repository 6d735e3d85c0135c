package org.dtenge.node.chain;

import java.io.IOException;
import java.util.Optional;
import org.dtenge.journal.EventPosition;
import org.dtenge.journal.Journal;
import org.dtenge.journal.Receipt;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;

/**
 * Inclusion receipts: from the batches still in memory when the receipt is for a fresh event and
 * chained to its own batch (the common case: the answer to a payment), else from the journal, which
 * request threads may read while the journal thread appends. Receipts are only ever chained to
 * durable batches.
 */
public final class Receipts {
    /** Longest chain of later batch headers a receipt may carry: 10,000 headers are about 1 MB. */
    public static final long CHAIN_MAX = 10_000;

    private final RecentBatches recent;
    private final Journal journal;

    public Receipts(RecentBatches recent, Journal journal) {
        this.recent = recent;
        this.journal = journal;
    }

    /** The receipt of the event at {@code position}, chained to its own batch. */
    public Receipt of(EventPosition position) {
        return recent.receipt(position.sequence(), position.index())
                .orElseGet(() -> chained(position, position.sequence()));
    }

    /** The receipt of the event at {@code position}, chained through every later batch to {@code head}. */
    public Receipt chained(EventPosition position, long head) {
        if (head < position.sequence() || head - position.sequence() > CHAIN_MAX || head > journal.durableHead().sequence()) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "a receipt for an event of batch " + position.sequence()
                    + " can be chained to a head from batch " + position.sequence() + " to batch "
                    + Math.min(position.sequence() + CHAIN_MAX, journal.durableHead().sequence()) + ", not " + head);
        }
        try {
            return journal.receipt(position.sequence(), position.index(), head);
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "reading the journal for a receipt failed: " + e.getMessage()), e);
        }
    }

    /** Where the event with ledger timestamp {@code timestampNanos} is in the journal. */
    public Optional<EventPosition> locate(long timestampNanos) {
        return journal.locate(timestampNanos);
    }
}
