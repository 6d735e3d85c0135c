/**
 * Snapshots of the ledger at batch boundaries, written atomically (temporary file, fsync, rename,
 * directory sync) and checked by SHA-256 before use, so that recovery replays only recent batches.
 */
package org.dtenge.journal.snapshot;
