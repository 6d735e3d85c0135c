package org.dtenge.journal.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.JournalCorruptException;
import org.dtenge.journal.Merkle;
import org.dtenge.journal.storage.Storage;
import org.dtenge.journal.storage.StorageFile;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.LedgerImage;
import org.dtenge.ledger.PolicyTemplates;

/**
 * Snapshots of the ledger at batch boundaries, so that recovery replays only the batches after the
 * newest one. A snapshot is the file {@code snapshot-<sequence, 20 digits>.dts}: a {@link SnapshotHeader}
 * and then the ledger image. It is written under a temporary name, fsynced, renamed into place and the
 * directory synced, so a crash leaves either the whole snapshot or none (a leftover temporary file is
 * ignored and removed by the next write). The newest {@value #KEEP} are kept: the older one is the
 * fallback should the newest prove damaged.
 *
 * <p>Write a snapshot only of a batch that the journal has synced. Writing may run on a thread other
 * than the sequencer's, from a {@link Ledger#capture()} taken there; this class starts no threads.
 */
public final class Snapshots {
    public static final int KEEP = 2;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".dts";
    private static final String TEMPORARY = ".tmp";
    private static final int DIGITS = 20;
    private static final int CHUNK = 1 << 16;

    private final Storage storage;

    public Snapshots(Storage storage) {
        this.storage = storage;
    }

    /** The file name of the snapshot of batch {@code sequence}. */
    public static String name(long sequence) {
        return String.format("%s%0" + DIGITS + "d%s", PREFIX, sequence, SUFFIX);
    }

    /**
     * Writes the snapshot of {@code image}, which must be the ledger right after batch {@code at}, makes
     * it durable, then deletes all but the newest {@value #KEEP} snapshots.
     */
    public SnapshotHeader write(LedgerImage image, BatchHeader at) throws IOException {
        if (image.batchCount() != at.sequence()) {
            throw new IllegalArgumentException("the image holds " + image.batchCount()
                    + " batches, so it is not the ledger right after batch " + at.sequence());
        }
        String name = name(at.sequence());
        String temporary = name + TEMPORARY;
        if (storage.list().contains(temporary)) {
            storage.delete(temporary); // left by a crash while an earlier write of this snapshot ran
        }
        MessageDigest sha256 = Merkle.sha256();
        SnapshotHeader header;
        try (StorageFile file = storage.create(temporary)) {
            FileChannels.Writer body = new FileChannels.Writer(file, SnapshotHeader.SIZE, sha256);
            image.writeTo(body);
            header = new SnapshotHeader(at.sequence(), at.timestampNanos(), body.written(), at.hash(), sha256.digest());
            // The header goes last, so that a file that has one has its whole body before it.
            file.write(0, header.encode());
            file.force();
        }
        storage.rename(temporary, name);
        storage.syncDirectory();
        prune();
        return header;
    }

    /** The sequences of the snapshots present, newest first. */
    public List<Long> sequences() throws IOException {
        List<Long> sequences = new ArrayList<>();
        for (String name : storage.list()) {
            long sequence = sequenceOf(name);
            if (sequence > 0) {
                sequences.add(sequence);
            }
        }
        sequences.sort((a, b) -> Long.compare(b, a));
        return sequences;
    }

    /**
     * Restores the newest snapshot that verifies (header CRC, body length and SHA-256, and an image the
     * ledger accepts). Each newer one that does not is reported in the selection and skipped; with none
     * left, the selection is empty and recovery starts from genesis.
     */
    public SnapshotSelection loadNewest(PolicyTemplates templates) throws IOException {
        List<String> skipped = new ArrayList<>();
        for (long sequence : sequences()) {
            String name = name(sequence);
            try (StorageFile file = storage.open(name)) {
                SnapshotHeader header = verify(file, sequence);
                Ledger ledger = Ledger.restore(new FileChannels.Reader(file, SnapshotHeader.SIZE,
                        SnapshotHeader.SIZE + header.bodyLength()), templates);
                return new SnapshotSelection(Optional.of(new RestoredSnapshot(header, ledger)), skipped);
            } catch (IOException e) {
                // Damage, or an image the ledger cannot read: the journal still holds every batch, so an
                // older snapshot or genesis gives the same state, only more slowly.
                skipped.add(storage.describe(name) + ": " + e.getMessage());
            }
        }
        return new SnapshotSelection(Optional.empty(), skipped);
    }

    /** Checks the header and the body's length and SHA-256; returns the header. */
    private static SnapshotHeader verify(StorageFile file, long sequence) throws IOException {
        long size = file.size();
        if (size < SnapshotHeader.SIZE) {
            throw new JournalCorruptException("file of " + size + " bytes is shorter than a snapshot header");
        }
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(SnapshotHeader.SIZE);
        file.read(0, buffer);
        SnapshotHeader header = SnapshotHeader.decode(buffer.flip());
        if (header.sequence() != sequence || size != SnapshotHeader.SIZE + header.bodyLength()) {
            throw new JournalCorruptException("header says batch " + header.sequence() + " and "
                    + header.bodyLength() + " body bytes, but the file is " + size + " bytes for batch " + sequence);
        }
        MessageDigest sha256 = Merkle.sha256();
        for (long at = SnapshotHeader.SIZE; at < size; ) {
            buffer.clear().limit((int) Math.min(CHUNK, size - at));
            file.read(at, buffer);
            at += buffer.position();
            sha256.update(buffer.flip());
        }
        if (!MessageDigest.isEqual(sha256.digest(), header.bodySha256())) {
            throw new JournalCorruptException("body SHA-256 mismatch");
        }
        return header;
    }

    /** Deletes all but the newest {@value #KEEP} snapshots, and temporary files that crashes left. */
    private void prune() throws IOException {
        List<Long> sequences = sequences();
        boolean deleted = false;
        for (int i = KEEP; i < sequences.size(); i++) {
            storage.delete(name(sequences.get(i)));
            deleted = true;
        }
        for (String name : storage.list()) {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX + TEMPORARY)) {
                storage.delete(name);
                deleted = true;
            }
        }
        if (deleted) {
            storage.syncDirectory();
        }
    }

    /** The sequence a snapshot file name stands for, or 0 when it is not one. */
    static long sequenceOf(String name) {
        if (name.length() != PREFIX.length() + DIGITS + SUFFIX.length() || !name.startsWith(PREFIX)
                || !name.endsWith(SUFFIX)) {
            return 0;
        }
        long sequence = 0;
        for (int i = PREFIX.length(); i < PREFIX.length() + DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || sequence > (Long.MAX_VALUE - (c - '0')) / 10) {
                return 0;
            }
            sequence = sequence * 10 + (c - '0');
        }
        return sequence;
    }
}
