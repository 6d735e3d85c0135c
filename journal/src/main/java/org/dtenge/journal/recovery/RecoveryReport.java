package org.dtenge.journal.recovery;

import java.util.List;
import java.util.Optional;
import org.dtenge.journal.JournalHead;
import org.dtenge.journal.TornTail;
import org.dtenge.journal.snapshot.SnapshotHeader;

/**
 * What recovery did. It measures no time: the ledger's side of the system reads no clock, so the
 * caller times recovery if it wants to.
 *
 * @param snapshot         the snapshot the ledger started from; empty when it started from genesis
 * @param snapshotsSkipped newer snapshots that failed their checks, as {@code "<file>: <problem>"}
 * @param batchesReplayed  batches applied from the journal after the snapshot
 * @param tornTail         the incomplete last record cut from the journal, if any
 * @param head             the journal's head, which the ledger now reflects
 */
public record RecoveryReport(Optional<SnapshotHeader> snapshot, List<String> snapshotsSkipped, long batchesReplayed,
                             Optional<TornTail> tornTail, JournalHead head) {
    public RecoveryReport {
        snapshotsSkipped = List.copyOf(snapshotsSkipped);
    }
}
