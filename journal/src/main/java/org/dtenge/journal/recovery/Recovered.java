package org.dtenge.journal.recovery;

import java.io.IOException;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.JournalHead;
import org.dtenge.ledger.Ledger;

/**
 * The result of recovery: the ledger as of the journal's head, and the journal, open and ready for the
 * next append. Closing it closes the journal.
 */
public record Recovered(Ledger ledger, FileJournal journal, RecoveryReport report) implements AutoCloseable {
    public JournalHead head() {
        return report.head();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
