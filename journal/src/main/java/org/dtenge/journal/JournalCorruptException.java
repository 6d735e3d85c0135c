package org.dtenge.journal;

import java.io.IOException;

/**
 * The journal (or a snapshot) holds damage that is not a torn tail: stored bytes that fail their
 * checks. The message names the file, the byte offset and what is wrong, so that an operator can look
 * at the spot; the journal never drops such data by itself.
 */
public final class JournalCorruptException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    /** Damage at a known place: {@code "<file> at offset <offset>: <problem>"}. */
    public JournalCorruptException(String file, long offset, String problem) {
        super(file + " at offset " + offset + ": " + problem);
        this.problem = problem;
    }

    /** Damage found while decoding bytes whose place the caller knows; see {@link #at}. */
    public JournalCorruptException(String problem) {
        super(problem);
        this.problem = problem;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /** The same problem, placed at {@code offset} of {@code file}. */
    public JournalCorruptException at(String file, long offset) {
        JournalCorruptException placed = new JournalCorruptException(file, offset, problem);
        placed.initCause(this);
        return placed;
    }
}
