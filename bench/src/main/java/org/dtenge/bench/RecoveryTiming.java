package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Ledger;

/**
 * Times a restart: opening the journal (which reads and checks every record) and replaying every batch
 * into a fresh ledger, comparing each recomputed result with the stored one, as {@link Recovery} does
 * after a crash. The journal was just written, so its pages are likely in the OS cache: this measures
 * the CPU side of recovery, not the disk.
 *
 * @param scanNanos    opening the journal alone (the first step of recovery)
 * @param recoverNanos the whole of {@link Recovery#open}: opening again, then replaying
 */
record RecoveryTiming(long batches, long scanNanos, long recoverNanos) {

    /** Recovers {@code dir} and checks that the ledger has as many accounts and transfers as before. */
    static RecoveryTiming measure(Path dir, Ledger.Config config, Ledger before) throws IOException {
        long scanStart = System.nanoTime();
        long batches;
        try (FileJournal journal = FileJournal.open(new FileStorage(dir), JournalOptions.defaults())) {
            batches = journal.head().sequence();
        }
        long scanNanos = System.nanoTime() - scanStart;

        long start = System.nanoTime();
        try (Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), config,
                JournalOptions.defaults())) {
            long recoverNanos = System.nanoTime() - start;
            Ledger ledger = recovered.ledger();
            if (ledger.accountCount() != before.accountCount() || ledger.transferCount() != before.transferCount()
                    || ledger.lastTimestampNanos() != before.lastTimestampNanos()) {
                throw new IllegalStateException("recovery gave " + ledger.accountCount() + " accounts and "
                        + ledger.transferCount() + " transfers, not " + before.accountCount() + " and "
                        + before.transferCount());
            }
            return new RecoveryTiming(batches, scanNanos, recoverNanos);
        }
    }
}
