package org.dtenge.node.service;

import java.util.Optional;
import org.dtenge.journal.EventPosition;
import org.dtenge.node.Problem;
import org.dtenge.node.money.TransferId;

/**
 * What became of one item of a batch: committed now, committed before (a repeat), refused by the
 * ledger, or rejected by the node before it reached the ledger.
 */
public record ItemResult(int index, TransferId id, Status status, Optional<Problem> problem, Optional<EventPosition> position) {
    public enum Status {
        COMMITTED,
        ALREADY_COMMITTED,
        REFUSED,
        REJECTED
    }
}
