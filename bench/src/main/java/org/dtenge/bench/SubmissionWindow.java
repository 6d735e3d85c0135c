package org.dtenge.bench;

import java.util.concurrent.ExecutionException;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.Submission;

/**
 * Keeps at most {@code size} submissions in flight: before submitting another, waits for the one
 * submitted {@code size} submissions ago to commit. A closed loop like this measures the latency of a
 * busy system rather than the growing queue of an open loop that outruns it.
 */
final class SubmissionWindow {
    private final Sequencer sequencer;
    private final Submission[] inFlight;
    private int next;

    SubmissionWindow(Sequencer sequencer, int size) {
        this.sequencer = sequencer;
        this.inFlight = new Submission[size];
    }

    /** Waits until one more submission may go in flight. */
    void awaitRoom() throws InterruptedException {
        await(inFlight[next]);
        inFlight[next] = null;
    }

    void submit(Submission submission) throws InterruptedException {
        awaitRoom();
        sequencer.submit(submission);
        inFlight[next] = submission;
        next = (next + 1) % inFlight.length;
    }

    /** Waits until everything submitted has committed. */
    void drain() throws InterruptedException {
        for (int i = 0; i < inFlight.length; i++) {
            await(inFlight[i]);
            inFlight[i] = null;
        }
    }

    private static void await(Submission submission) throws InterruptedException {
        if (submission == null) {
            return;
        }
        try {
            submission.committed().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a submission failed: the sequencer stopped", e.getCause());
        }
    }
}
