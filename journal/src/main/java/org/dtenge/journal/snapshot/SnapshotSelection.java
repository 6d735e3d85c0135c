package org.dtenge.journal.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * What loading snapshots found: the newest one that verified, if any, and every newer one that did
 * not, each as {@code "<file>: <problem>"}.
 */
public record SnapshotSelection(Optional<RestoredSnapshot> restored, List<String> skipped) {
    public SnapshotSelection {
        skipped = List.copyOf(skipped);
    }
}
