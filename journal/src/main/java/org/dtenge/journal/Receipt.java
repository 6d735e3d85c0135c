package org.dtenge.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.dtenge.ledger.Event;

/**
 * Proof that an event, with its result, is in the journal under a given head: the event record, its
 * packed result, its index in its batch, the batch header, the RFC 6962 audit path from the leaf
 * (event || result) to the header's Merkle root, and the headers of every later batch up to the head,
 * each of which names the hash of the one before. Anyone holding the head hash can check it offline
 * with {@link ReceiptVerifier}.
 *
 * <p>Encoded form, little-endian, every byte significant (so that any change is detected):
 *
 * <pre>
 * offset      size       field
 *   0          4         magic "DTJR"
 *   4          2         format version ({@value #VERSION})
 *   6          2         p = audit path length (0..{@value #PATH_MAX})
 *   8          4         index of the event in its batch
 *  12          4         packed result
 *  16          4         m = number of later batch headers
 *  20        128         event record
 * 148        104         batch header (as in the journal, header CRC included)
 * 252       32 p         audit path, leaf level first
 * 252+32p  104 m         later batch headers, oldest first
 * </pre>
 */
public record Receipt(byte[] event, int result, int index, BatchHeader batch, List<byte[]> auditPath,
                      List<BatchHeader> laterBatches) {
    public static final int MAGIC = 'D' | 'T' << 8 | 'J' << 16 | 'R' << 24;
    public static final short VERSION = 1;
    /** A tree of at most 2^31 leaves has a path of at most 31 hashes; 64 leaves slack for nothing bigger. */
    public static final int PATH_MAX = 64;
    private static final int FIXED = 20 + Event.SIZE + BatchHeader.SIZE;

    public Receipt {
        if (event.length != Event.SIZE || auditPath.size() > PATH_MAX) {
            throw new IllegalArgumentException("a receipt holds a " + Event.SIZE + "-byte event and at most "
                    + PATH_MAX + " path hashes");
        }
        event = event.clone();
        List<byte[]> path = new ArrayList<>(auditPath.size());
        for (byte[] hash : auditPath) {
            if (hash.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("audit path hashes are " + Merkle.HASH_SIZE + " bytes");
            }
            path.add(hash.clone());
        }
        auditPath = List.copyOf(path);
        laterBatches = List.copyOf(laterBatches);
    }

    @Override
    public byte[] event() {
        return event.clone();
    }

    @Override
    public List<byte[]> auditPath() {
        List<byte[]> copies = new ArrayList<>(auditPath.size());
        for (byte[] hash : auditPath) {
            copies.add(hash.clone());
        }
        return copies;
    }

    /** Receipts are equal when their encodings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt receipt && java.util.Arrays.equals(encode(), receipt.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "receipt for event " + index + " of " + batch + ", chained to batch " + head().sequence();
    }

    /** The batch the receipt chains up to: the last later batch, or the event's own. */
    public BatchHeader head() {
        return laterBatches.isEmpty() ? batch : laterBatches.getLast();
    }

    public byte[] encode() {
        int length = FIXED + auditPath.size() * Merkle.HASH_SIZE + laterBatches.size() * BatchHeader.SIZE;
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putShort(VERSION).putShort((short) auditPath.size());
        out.putInt(index).putInt(result).putInt(laterBatches.size());
        out.put(event);
        batch.writeTo(out, out.position());
        out.position(out.position() + BatchHeader.SIZE);
        for (byte[] hash : auditPath) {
            out.put(hash);
        }
        for (BatchHeader later : laterBatches) {
            later.writeTo(out, out.position());
            out.position(out.position() + BatchHeader.SIZE);
        }
        return out.array();
    }

    /**
     * Decodes {@link #encode()}'s form. Checks the structure and each header's CRC; whether the receipt
     * proves anything is {@link ReceiptVerifier}'s job.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static Receipt decode(byte[] bytes) {
        if (bytes.length < FIXED) {
            throw new IllegalArgumentException("a receipt is at least " + FIXED + " bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt();
        short version = in.getShort();
        int pathLength = in.getShort() & 0xFFFF;
        int index = in.getInt();
        int result = in.getInt();
        long laterCount = in.getInt() & 0xFFFF_FFFFL;
        if (magic != MAGIC || version != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " receipt");
        }
        if (pathLength > PATH_MAX) {
            throw new IllegalArgumentException("audit path of " + pathLength + " hashes is longer than " + PATH_MAX);
        }
        long expected = FIXED + (long) pathLength * Merkle.HASH_SIZE + laterCount * BatchHeader.SIZE;
        if (expected != bytes.length) {
            throw new IllegalArgumentException("a receipt with " + pathLength + " path hashes and " + laterCount
                    + " later batches is " + expected + " bytes, not " + bytes.length);
        }
        byte[] event = new byte[Event.SIZE];
        in.get(event);
        MessageDigest sha256 = Merkle.sha256();
        BatchHeader batch = header(in, sha256);
        List<byte[]> path = new ArrayList<>(pathLength);
        for (int i = 0; i < pathLength; i++) {
            byte[] hash = new byte[Merkle.HASH_SIZE];
            in.get(hash);
            path.add(hash);
        }
        List<BatchHeader> later = new ArrayList<>((int) laterCount);
        for (long i = 0; i < laterCount; i++) {
            later.add(header(in, sha256));
        }
        return new Receipt(event, result, index, batch, path, later);
    }

    private static BatchHeader header(ByteBuffer in, MessageDigest sha256) {
        try {
            BatchHeader header = BatchHeader.read(in, in.position(), sha256);
            in.position(in.position() + BatchHeader.SIZE);
            return header;
        } catch (JournalCorruptException e) {
            throw new IllegalArgumentException("batch header at offset " + in.position() + ": " + e.problem(), e);
        }
    }
}
