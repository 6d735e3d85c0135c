package org.dtenge.node;

import java.util.Optional;
import org.dtenge.ledger.Result;

/**
 * One error answer: its type and a detail that says exactly what was wrong, in words a developer can
 * act on. {@code ledgerResult} names the ledger's result code when the ledger refused the event.
 */
public record Problem(ProblemType type, String detail, Optional<Result> ledgerResult) {
    public Problem {
        if (detail.isBlank()) {
            throw new IllegalArgumentException("a problem needs a detail");
        }
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, Optional.empty());
    }

    public static Problem ledger(ProblemType type, String detail, Result result) {
        return new Problem(type, detail, Optional.of(result));
    }

    /** Throws this problem as the node's exception: for input and authorization errors at the edge. */
    public NodeException exception() {
        return new NodeException(this);
    }
}
