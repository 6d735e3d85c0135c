package org.dtenge.journal;

import java.io.IOException;
import java.util.Optional;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * The ordered, tamper-evident record of every batch the ledger applied, with its results: the truth
 * from which the ledger, the projections and any receipt can be rebuilt. Batches are numbered from 1;
 * each header carries the hash of the one before and the Merkle root of its events and results.
 *
 * <p>Implementations: {@link FileJournal} (segment files on one machine); a replicated one on Kafka can
 * follow. One thread appends and syncs; other threads may read concurrently.
 */
public interface Journal extends AutoCloseable {
    /**
     * Writes the next batch record, numbered {@code head().sequence() + 1}. Not durable until
     * {@link #sync()}: acknowledge nothing in it before then.
     *
     * @param results one result per event of {@code batch}, as the ledger gave them
     * @return the new record's header, with its sequence and hash
     * @throws IllegalArgumentException when the batch's events would not come after the previous batch's
     *                                  in time, or the results do not match the batch
     */
    BatchHeader append(EventBatch batch, Results results) throws IOException;

    /** Makes every batch appended so far durable. After it fails, the journal refuses further use. */
    void sync() throws IOException;

    /** The last batch appended (durable or not). */
    JournalHead head();

    /**
     * The last batch known to be durable: what a receipt may be chained to, since a crash could take
     * back anything after it.
     */
    JournalHead durableHead();

    /**
     * Reads batch {@code sequence} into {@code batch} (events and timestamp) and {@code results},
     * checking its CRCs, its Merkle root and its place in the hash chain.
     *
     * @throws JournalCorruptException when any check fails
     */
    BatchHeader read(long sequence, EventBatch batch, Results results) throws IOException;

    /** Reads the header of batch {@code sequence}, checked as in {@link #read}. */
    BatchHeader header(long sequence) throws IOException;

    /** Hands every batch from {@code fromSequence} to the head, in order, to {@code consumer}, checked as in {@link #read}. */
    void replay(long fromSequence, BatchConsumer consumer) throws IOException;

    /** The batch and index of the event with timestamp {@code timestampNanos}, if the journal holds one. */
    Optional<EventPosition> locate(long timestampNanos);

    /**
     * An inclusion receipt for event {@code index} of batch {@code sequence}, chained up to batch
     * {@code headSequence}, which must be at or after it and at most the head.
     */
    Receipt receipt(long sequence, int index, long headSequence) throws IOException;

    /** Closes the files. Does not sync: call {@link #sync()} first to keep what was appended. */
    @Override
    void close() throws IOException;
}
