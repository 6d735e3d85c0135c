package org.dtenge.sequencer;

/**
 * The sequencer no longer accepts or acknowledges events: it was closed, or the journal failed. After
 * a journal failure the in-memory ledger may be ahead of what is durable, so the process must restart
 * and recover from the journal; the cause says what failed.
 */
public final class SequencerStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SequencerStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
