package org.dtenge.journal;

import java.io.IOException;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * Receives the batches of a replay in order. The batch and results objects are reused for the next
 * batch: copy what must outlive the call.
 */
@FunctionalInterface
public interface BatchConsumer {
    void accept(BatchHeader header, EventBatch batch, Results results) throws IOException;
}
