package org.dtenge.sequencer;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.LedgerImage;
import org.dtenge.ledger.Results;

/**
 * One batch on its way from forming to acknowledgement: the events of several submissions, their
 * results, and the journal header once written. Slots are preallocated and reused, so forming,
 * applying and persisting a batch allocates nothing.
 *
 * <p>The steps, in order: {@link #add} submissions, {@link #seal} (stamp the time and apply to the
 * ledger), {@link #append} (Merkle root, CRCs, write), fsync, {@link #acknowledge}. Sealing runs on
 * the sequencer thread, appending on the writer thread, fsync and acknowledging on the syncer thread,
 * so that applying one batch, hashing the next and syncing a third all overlap.
 */
final class BatchSlot {
    private final EventBatch batch;
    private final Results results;
    private final Submission[] submissions;
    private int submissionCount;
    private BatchHeader header;
    private LedgerImage image;
    /** Reads that saw this batch's effects: answered only once it is durable. */
    private final java.util.List<Runnable> afterDurable = new java.util.ArrayList<>();

    BatchSlot(int eventsMax) {
        batch = new EventBatch(eventsMax);
        results = new Results(eventsMax);
        submissions = new Submission[eventsMax];
    }

    void clear() {
        batch.clear();
        results.clear();
        java.util.Arrays.fill(submissions, 0, submissionCount, null);
        submissionCount = 0;
        header = null;
        image = null;
        afterDurable.clear();
    }

    /** Keeps {@code answer} until the batch is durable; the {@link Sequencer} holds its lock for this. */
    void afterDurable(Runnable answer) {
        afterDurable.add(answer);
    }

    /** Hands over the waiting answers (under the sequencer's lock) and forgets them. */
    java.util.List<Runnable> takeAnswers() {
        java.util.List<Runnable> answers = java.util.List.copyOf(afterDurable);
        afterDurable.clear();
        return answers;
    }

    boolean isEmpty() {
        return submissionCount == 0;
    }

    boolean fits(Submission submission) {
        return batch.count() + submission.count() <= batch.capacity();
    }

    void add(Submission submission) {
        submission.placed(batch.count());
        batch.appendRecords(submission.events().array(), 0, submission.count());
        submissions[submissionCount++] = submission;
    }

    int eventCount() {
        return batch.count();
    }

    /**
     * Stamps the batch with the clock, never earlier than just after the ledger's last event (time in
     * the ledger only moves forward, whatever the wall clock does), and applies it.
     */
    void seal(Ledger ledger, LongSupplier clockNanos, boolean captureImage) {
        batch.timestampNanos(Math.max(clockNanos.getAsLong(), ledger.lastTimestampNanos() + 1));
        ledger.apply(batch, results);
        image = captureImage ? ledger.capture() : null;
    }

    /** Writes the batch to the journal (Merkle root, CRCs, one write); not yet durable. */
    void append(Journal journal) throws IOException {
        header = journal.append(batch, results);
    }

    /** Appends and fsyncs: the two steps of {@link #append} and {@link Journal#sync()} on one thread. */
    void persist(Journal journal) throws IOException {
        append(journal);
        journal.sync();
    }

    /** Feeds every submission of the batch (in order), then completes their futures. */
    void acknowledge() {
        for (int i = 0; i < submissionCount; i++) {
            submissions[i].durable(header, results);
        }
        for (int i = 0; i < submissionCount; i++) {
            submissions[i].release();
        }
    }

    void fail(Throwable cause) {
        for (int i = 0; i < submissionCount; i++) {
            submissions[i].fail(cause);
        }
    }

    BatchHeader header() {
        return header;
    }

    Optional<LedgerImage> image() {
        return Optional.ofNullable(image);
    }

    EventBatch batch() {
        return batch;
    }

    Results results() {
        return results;
    }
}
