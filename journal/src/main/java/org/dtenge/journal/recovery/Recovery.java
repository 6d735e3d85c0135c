package org.dtenge.journal.recovery;

import java.io.IOException;
import java.util.Optional;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.JournalCorruptException;
import org.dtenge.journal.JournalHead;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.snapshot.RestoredSnapshot;
import org.dtenge.journal.snapshot.SnapshotHeader;
import org.dtenge.journal.snapshot.SnapshotSelection;
import org.dtenge.journal.snapshot.Snapshots;
import org.dtenge.journal.storage.Storage;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.ledger.PolicyTemplates;

/**
 * Brings a node back after a stop or a crash: opens the journal (cutting a torn tail), restores the
 * newest snapshot that verifies, checks that the journal holds the same history at the snapshot's
 * batch, and replays every later batch. Replay recomputes each batch's results and compares them with
 * the stored ones: the ledger is deterministic, so any difference means it is not, or that this build's
 * rules differ from those of the build that wrote the journal, and recovery stops rather than serve a
 * ledger that disagrees with its own record.
 */
public final class Recovery {
    private Recovery() {}

    /**
     * Recovers the ledger and journal kept in {@code storage}.
     *
     * @param templates the policy templates, as the ledger that wrote the journal had them
     * @param genesis   the configuration of a new ledger, used when no snapshot verifies
     */
    public static Recovered open(Storage storage, PolicyTemplates templates, Ledger.Config genesis,
                                 JournalOptions options) throws IOException {
        FileJournal journal = FileJournal.open(storage, options);
        try {
            return recover(storage, templates, genesis, journal);
        } catch (IOException | RuntimeException e) {
            try {
                journal.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static Recovered recover(Storage storage, PolicyTemplates templates, Ledger.Config genesis,
                                     FileJournal journal) throws IOException {
        SnapshotSelection selection = new Snapshots(storage).loadNewest(templates);
        Optional<RestoredSnapshot> restored = selection.restored();
        long from = 1;
        Ledger ledger;
        if (restored.isPresent()) {
            SnapshotHeader snapshot = restored.get().header();
            checkSameHistory(storage, journal, snapshot);
            ledger = restored.get().ledger();
            if (ledger.batchCount() != snapshot.sequence()) {
                throw new IllegalStateException("invariant broken: " + Snapshots.name(snapshot.sequence())
                        + " holds a ledger of " + ledger.batchCount() + " batches, not " + snapshot.sequence());
            }
            from = snapshot.sequence() + 1;
        } else {
            ledger = new Ledger(genesis, templates);
        }
        Results recomputed = new Results();
        long[] replayed = {0};
        ReadAhead.replay(journal, from, journal.head().sequence(), (header, batch, stored) -> {
            applyAndCompare(ledger, header, batch, stored, recomputed);
            replayed[0]++;
        });
        JournalHead head = journal.head();
        if (ledger.batchCount() != head.sequence()) {
            throw new IllegalStateException("invariant broken: the ledger applied " + ledger.batchCount()
                    + " batches but the journal holds " + head.sequence());
        }
        RecoveryReport report = new RecoveryReport(restored.map(RestoredSnapshot::header), selection.skipped(),
                replayed[0], journal.openReport().tornTail(), head);
        return new Recovered(ledger, journal, report);
    }

    /** The snapshot must be of a batch the journal holds, with the same hash. */
    private static void checkSameHistory(Storage storage, FileJournal journal, SnapshotHeader snapshot)
            throws IOException {
        String file = storage.describe(Snapshots.name(snapshot.sequence()));
        long head = journal.head().sequence();
        if (snapshot.sequence() > head) {
            throw new JournalCorruptException(file, 0, "the snapshot is of batch " + snapshot.sequence()
                    + " but the journal ends at batch " + head
                    + ": the journal lost batches that were synced, or belongs to another ledger");
        }
        BatchHeader batch = journal.header(snapshot.sequence());
        if (!batch.hasHash(snapshot.batchHash())) {
            throw new JournalCorruptException(file, 0, "the snapshot's batch " + snapshot.sequence()
                    + " hash differs from the journal's: they record different histories");
        }
    }

    private static void applyAndCompare(Ledger ledger, BatchHeader header, EventBatch batch, Results stored,
                                        Results recomputed) {
        ledger.apply(batch, recomputed);
        for (int i = 0; i < batch.count(); i++) {
            if (recomputed.packed(i) != stored.packed(i)) {
                throw new IllegalStateException("replay diverged at batch " + header.sequence() + " event " + i
                        + ": the ledger now gives " + describe(recomputed.packed(i)) + " where the journal holds "
                        + describe(stored.packed(i)) + ". The ledger is not deterministic, or this build's rules"
                        + " differ from those of the build that wrote the journal; stopping rather than diverge.");
            }
        }
    }

    private static String describe(int packed) {
        int ordinal = packed & 0xFF;
        String name = ordinal < Result.values().length ? Result.of(ordinal).name() : "unknown result " + ordinal;
        int reason = (packed >>> 8) & 0xFFFF;
        int legs = packed >>> 24;
        return name + (reason == 0 ? "" : " (reason " + reason + ")") + (legs == 0 ? "" : " (" + legs + " legs)");
    }
}
