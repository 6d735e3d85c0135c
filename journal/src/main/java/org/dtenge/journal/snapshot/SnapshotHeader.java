package org.dtenge.journal.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.dtenge.journal.JournalCorruptException;
import org.dtenge.journal.Merkle;

/**
 * The header of a snapshot file; the body after it is the ledger image ({@code LedgerImage.writeTo}).
 * Little-endian, {@value #SIZE} bytes:
 *
 * <pre>
 * offset size  field
 *   0     4    magic "DTSS"
 *   4     2    format version ({@value #VERSION})
 *   6     2    reserved (0)
 *   8     8    sequence of the last batch the image includes
 *  16     8    that batch's timestamp, nanoseconds since the epoch
 *  24     8    body length in bytes
 *  32    32    that batch's hash, to check that the journal holds the same history
 *  64    32    SHA-256 of the body
 *  96     4    reserved (0)
 * 100     4    CRC32C of bytes [0, 100)
 * </pre>
 *
 * @param sequence   the last batch the snapshot includes
 * @param batchHash  the hash of that batch
 * @param bodySha256 SHA-256 of the ledger image bytes
 */
public record SnapshotHeader(long sequence, long timestampNanos, long bodyLength, byte[] batchHash, byte[] bodySha256) {
    public static final int SIZE = 104;
    static final int MAGIC = 'D' | 'T' << 8 | 'S' << 16 | 'S' << 24;
    static final short VERSION = 1;
    private static final int AT_CRC = 100;

    public SnapshotHeader {
        if (sequence < 1 || bodyLength < 0 || batchHash.length != Merkle.HASH_SIZE
                || bodySha256.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a snapshot is of a batch >= 1, with 32-byte hashes and a body length >= 0");
        }
        batchHash = batchHash.clone();
        bodySha256 = bodySha256.clone();
    }

    @Override
    public byte[] batchHash() {
        return batchHash.clone();
    }

    @Override
    public byte[] bodySha256() {
        return bodySha256.clone();
    }

    ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, MAGIC);
        out.putShort(4, VERSION);
        out.putLong(8, sequence);
        out.putLong(16, timestampNanos);
        out.putLong(24, bodyLength);
        out.put(32, batchHash);
        out.put(64, bodySha256);
        out.putInt(AT_CRC, crc(out));
        return out;
    }

    /** Decodes {@value #SIZE} bytes, checking magic, version and CRC. */
    static SnapshotHeader decode(ByteBuffer in) throws JournalCorruptException {
        if (in.getInt(0) != MAGIC) {
            throw new JournalCorruptException("not a snapshot (bad magic)");
        }
        int stored = in.getInt(AT_CRC);
        int computed = crc(in);
        if (stored != computed) {
            throw new JournalCorruptException(String.format(
                    "snapshot header CRC32C mismatch (stored 0x%08x, computed 0x%08x)", stored, computed));
        }
        if (in.getShort(4) != VERSION || in.getShort(6) != 0 || in.getInt(96) != 0) {
            throw new JournalCorruptException("snapshot format version " + in.getShort(4) + " (this build reads "
                    + VERSION + ") or nonzero reserved bytes");
        }
        byte[] batchHash = new byte[Merkle.HASH_SIZE];
        byte[] bodySha256 = new byte[Merkle.HASH_SIZE];
        in.get(32, batchHash);
        in.get(64, bodySha256);
        try {
            return new SnapshotHeader(in.getLong(8), in.getLong(16), in.getLong(24), batchHash, bodySha256);
        } catch (IllegalArgumentException e) {
            throw new JournalCorruptException("snapshot header holds impossible values: " + e.getMessage());
        }
    }

    private static int crc(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), buffer.arrayOffset(), AT_CRC);
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotHeader h && h.sequence == sequence && h.timestampNanos == timestampNanos
                && h.bodyLength == bodyLength && Arrays.equals(h.batchHash, batchHash)
                && Arrays.equals(h.bodySha256, bodySha256);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(bodySha256);
    }

    @Override
    public String toString() {
        return "snapshot of batch " + sequence + " (" + bodyLength + " bytes)";
    }
}
