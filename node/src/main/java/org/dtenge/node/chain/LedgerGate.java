package org.dtenge.node.chain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SequencerStoppedException;
import org.dtenge.sequencer.Submission;

/**
 * The node's one way into the ledger: every event goes through here to the sequencer, and every
 * committed submission is handed to {@code committed} (the feed of projections and receipts).
 *
 * <p>The feed is attached to each submission <em>before</em> it is offered, so it always runs on the
 * sequencer's sync thread, inside the acknowledgement, in journal order. It must be quick: it only enqueues.
 * Callers wait for their own answer on their own thread (request threads are virtual threads).
 */
public final class LedgerGate implements AutoCloseable {
    private final Sequencer sequencer;
    private final Consumer<Submission> committed;
    private final Duration answerTimeout;
    private final Runnable onBusy;
    private final AnswerDeadlines deadlines;

    public LedgerGate(Sequencer sequencer, Consumer<Submission> committed, Duration answerTimeout, Runnable onBusy) {
        this.sequencer = sequencer;
        this.committed = committed;
        this.answerTimeout = answerTimeout;
        this.onBusy = onBusy;
        this.deadlines = new AnswerDeadlines(answerTimeout);
    }

    /** Offers {@code events} without waiting for room; BUSY when the sequencer's queue is full. */
    public CompletableFuture<Submission> offer(EventBatch events) {
        Submission submission = attach(events);
        boolean queued;
        try {
            queued = sequencer.offer(submission);
        } catch (SequencerStoppedException e) {
            throw new NodeException(org.dtenge.node.Problem.of(ProblemType.UNAVAILABLE,
                    "the ledger's sequencer has stopped: " + e.getMessage()), e);
        }
        if (!queued) {
            onBusy.run();
            throw NodeException.of(ProblemType.BUSY, "the ledger's queue is full; retry in a moment");
        }
        return submission.committed();
    }

    /** Offers {@code events}, waiting up to the answer timeout for room in the queue (bulk submissions). */
    public CompletableFuture<Submission> offerWaiting(EventBatch events) {
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        while (true) {
            try {
                return offer(events);
            } catch (NodeException e) {
                if (e.problem().type() != ProblemType.BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw NodeException.of(ProblemType.UNAVAILABLE, "interrupted while waiting for the ledger");
            }
        }
    }

    /** Submits and waits until the events are durable. */
    public Submission submit(EventBatch events) {
        return await(offer(events));
    }

    /** Waits for a submission's acknowledgement. */
    public Submission await(CompletableFuture<Submission> future) {
        return get(future, "the events were queued but no acknowledgement came in time; their outcome is unknown:"
                + " repeat the request with the same id to learn it");
    }

    /** Reads the ledger on the sequencer thread; the answer comes once what it saw is durable. */
    public <T> T read(Function<Ledger, T> query) {
        CompletableFuture<T> answer;
        try {
            answer = sequencer.read(query);
        } catch (SequencerStoppedException e) {
            throw new NodeException(org.dtenge.node.Problem.of(ProblemType.UNAVAILABLE,
                    "the ledger's sequencer has stopped: " + e.getMessage()), e);
        }
        return get(answer, "the ledger did not answer the query in time");
    }

    /**
     * The feed runs inside the acknowledgement on the sequencer's sync thread, in journal order; not as
     * a callback on the future, which a waiting request thread may run itself, out of order.
     */
    private Submission attach(EventBatch events) {
        return new Submission(events, committed);
    }

    private <T> T get(CompletableFuture<T> future, String timeoutDetail) {
        try {
            if (!future.isDone()) {
                deadlines.watch(future); // a wait with a timeout of its own costs a timer per request
            }
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AnswerDeadlines.AnswerTimedOut) {
                throw new NodeException(org.dtenge.node.Problem.of(ProblemType.OUTCOME_UNKNOWN, timeoutDetail), cause);
            }
            if (cause instanceof SequencerStoppedException) {
                throw new NodeException(org.dtenge.node.Problem.of(ProblemType.UNAVAILABLE,
                        "the ledger stopped before the events were durable: " + cause.getMessage()), cause);
            }
            throw new NodeException(org.dtenge.node.Problem.of(ProblemType.INTERNAL,
                    "the ledger failed: " + cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeException.of(ProblemType.UNAVAILABLE, "interrupted while waiting for the ledger");
        }
    }

    /** Stops timing answers out; after the sequencer has closed, when no answer is still awaited. */
    @Override
    public void close() {
        deadlines.close();
    }
}
