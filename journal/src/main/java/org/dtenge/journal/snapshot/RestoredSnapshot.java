package org.dtenge.journal.snapshot;

import org.dtenge.ledger.Ledger;

/** A snapshot that verified, and the ledger rebuilt from it. */
public record RestoredSnapshot(SnapshotHeader header, Ledger ledger) {}
