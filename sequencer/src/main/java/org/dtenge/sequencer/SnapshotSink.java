package org.dtenge.sequencer;

import java.io.IOException;
import org.dtenge.journal.BatchHeader;
import org.dtenge.ledger.LedgerImage;

/** Where the sequencer hands ledger images to be written, with the batch they follow. */
@FunctionalInterface
public interface SnapshotSink {
    /** Writes {@code image}, the state right after batch {@code at}; called off the sequencer thread. */
    void write(LedgerImage image, BatchHeader at) throws IOException;

    SnapshotSink NONE = (image, at) -> {};
}
