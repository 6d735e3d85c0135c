package org.dtenge.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;

/**
 * The fixed header of a batch record in the journal. A record is this header followed by its body:
 * the batch's event records ({@code count x 128} bytes, as in {@link Event}) and then one packed result
 * per event ({@code count x 4} bytes). Little-endian, {@value #SIZE} bytes:
 *
 * <pre>
 * offset size  field
 *   0     4    magic "DTJB"
 *   4     2    format version ({@value #VERSION})
 *   6     2    reserved (0)
 *   8     8    sequence number (the first batch is 1)
 *  16     8    batch timestamp, nanoseconds since the epoch; event i has timestamp + i
 *  24     4    event count (0..8190)
 *  28     4    body length = count x 132
 *  32    32    hash of the previous batch (all zero for sequence 1)
 *  64    32    RFC 6962 Merkle root of the leaves: leaf i = event record i || result i (4 bytes LE)
 *  96     4    CRC32C of the body
 * 100     4    CRC32C of bytes [0, 100)
 * </pre>
 *
 * <p>The batch hash is SHA-256 of bytes [0, 100): it covers the previous hash, so the headers form a
 * hash chain, and the Merkle root, so it commits to every event and result. Instances are immutable and
 * carry their hash, computed when they are made, so a header and its hash cannot disagree.
 */
public final class BatchHeader {
    public static final int SIZE = 104;
    public static final int MAGIC = 'D' | 'T' << 8 | 'J' << 16 | 'B' << 24;
    public static final short VERSION = 1;
    /** Bytes per event in the body: the event record and its packed result. */
    public static final int LEAF_SIZE = Event.SIZE + Integer.BYTES;

    static final int AT_MAGIC = 0;
    static final int AT_VERSION = 4;
    static final int AT_RESERVED = 6;
    static final int AT_SEQUENCE = 8;
    static final int AT_TIMESTAMP = 16;
    static final int AT_COUNT = 24;
    static final int AT_BODY_LENGTH = 28;
    static final int AT_PREVIOUS = 32;
    static final int AT_ROOT = 64;
    static final int AT_BODY_CRC = 96;
    static final int AT_HEADER_CRC = 100;
    /** The bytes the header CRC and the batch hash cover. */
    static final int HASHED = AT_HEADER_CRC;

    private static final byte[] ZERO_HASH = new byte[Merkle.HASH_SIZE];

    private final long sequence;
    private final long timestampNanos;
    private final int eventCount;
    private final byte[] previousHash;
    private final byte[] merkleRoot;
    private final int bodyCrc;
    private final byte[] hash;

    private BatchHeader(long sequence, long timestampNanos, int eventCount, byte[] previousHash,
                        byte[] merkleRoot, int bodyCrc, byte[] hash) {
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.eventCount = eventCount;
        this.previousHash = previousHash;
        this.merkleRoot = merkleRoot;
        this.bodyCrc = bodyCrc;
        this.hash = hash;
    }

    /**
     * Encodes a new header into {@code into} at {@code offset} ({@value #SIZE} bytes, header CRC
     * included) and returns it with its hash. {@code into} must be a little-endian heap buffer.
     */
    public static BatchHeader write(ByteBuffer into, int offset, long sequence, long timestampNanos,
                                    int eventCount, byte[] previousHash, byte[] merkleRoot, int bodyCrc,
                                    MessageDigest sha256) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
        if (eventCount < 0 || eventCount > EventBatch.EVENTS_MAX) {
            throw new IllegalArgumentException("event count must be 0.." + EventBatch.EVENTS_MAX + ": " + eventCount);
        }
        checkHash(previousHash, "previous hash");
        checkHash(merkleRoot, "Merkle root");
        encode(into, offset, sequence, timestampNanos, eventCount, previousHash, merkleRoot, bodyCrc);
        return new BatchHeader(sequence, timestampNanos, eventCount, previousHash.clone(), merkleRoot.clone(),
                bodyCrc, hashOf(into, offset, sha256));
    }

    /**
     * Decodes and checks the header at {@code offset} of {@code from} (a little-endian heap buffer): magic,
     * version, reserved bytes, header CRC, count and body length.
     *
     * @throws JournalCorruptException naming what failed; the caller places it with {@link JournalCorruptException#at}
     */
    public static BatchHeader read(ByteBuffer from, int offset, MessageDigest sha256) throws JournalCorruptException {
        int magic = from.getInt(offset + AT_MAGIC);
        if (magic != MAGIC) {
            throw new JournalCorruptException("no batch header here (magic " + hex(magic) + ", expected " + hex(MAGIC) + ")");
        }
        int storedCrc = from.getInt(offset + AT_HEADER_CRC);
        int computedCrc = crcOfHashed(from, offset);
        long sequence = from.getLong(offset + AT_SEQUENCE);
        if (storedCrc != computedCrc) {
            throw new JournalCorruptException("batch header CRC32C mismatch (stored " + hex(storedCrc)
                    + ", computed " + hex(computedCrc) + "; sequence field reads " + sequence + ")");
        }
        short version = from.getShort(offset + AT_VERSION);
        if (version != VERSION || from.getShort(offset + AT_RESERVED) != 0) {
            throw new JournalCorruptException("batch " + sequence + " has format version " + version
                    + " (this build reads " + VERSION + ") or nonzero reserved bytes");
        }
        int count = from.getInt(offset + AT_COUNT);
        int bodyLength = from.getInt(offset + AT_BODY_LENGTH);
        if (count < 0 || count > EventBatch.EVENTS_MAX || bodyLength != bodyLength(count) || sequence < 1) {
            throw new JournalCorruptException("batch " + sequence + " has an impossible event count " + count
                    + " or body length " + bodyLength);
        }
        byte[] previous = new byte[Merkle.HASH_SIZE];
        byte[] root = new byte[Merkle.HASH_SIZE];
        from.get(offset + AT_PREVIOUS, previous);
        from.get(offset + AT_ROOT, root);
        return new BatchHeader(sequence, from.getLong(offset + AT_TIMESTAMP), count, previous, root,
                from.getInt(offset + AT_BODY_CRC), hashOf(from, offset, sha256));
    }

    /** Decodes {@value #SIZE} bytes, as carried in a receipt. */
    public static BatchHeader read(byte[] bytes, MessageDigest sha256) throws JournalCorruptException {
        if (bytes.length != SIZE) {
            throw new JournalCorruptException("a batch header is " + SIZE + " bytes, not " + bytes.length);
        }
        return read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, sha256);
    }

    /** Writes the {@value #SIZE} encoded bytes, header CRC included, into {@code into} at {@code offset}. */
    public void writeTo(ByteBuffer into, int offset) {
        encode(into, offset, sequence, timestampNanos, eventCount, previousHash, merkleRoot, bodyCrc);
    }

    private static void encode(ByteBuffer into, int offset, long sequence, long timestampNanos, int eventCount,
                               byte[] previousHash, byte[] merkleRoot, int bodyCrc) {
        into.putInt(offset + AT_MAGIC, MAGIC);
        into.putShort(offset + AT_VERSION, VERSION);
        into.putShort(offset + AT_RESERVED, (short) 0);
        into.putLong(offset + AT_SEQUENCE, sequence);
        into.putLong(offset + AT_TIMESTAMP, timestampNanos);
        into.putInt(offset + AT_COUNT, eventCount);
        into.putInt(offset + AT_BODY_LENGTH, bodyLength(eventCount));
        into.put(offset + AT_PREVIOUS, previousHash);
        into.put(offset + AT_ROOT, merkleRoot);
        into.putInt(offset + AT_BODY_CRC, bodyCrc);
        into.putInt(offset + AT_HEADER_CRC, crcOfHashed(into, offset));
    }

    /** The {@value #SIZE} encoded bytes. */
    public byte[] toBytes() {
        byte[] bytes = new byte[SIZE];
        writeTo(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0);
        return bytes;
    }

    public static int bodyLength(int eventCount) {
        return eventCount * LEAF_SIZE;
    }

    /** The all-zero hash that stands before the first batch. */
    public static byte[] zeroHash() {
        return ZERO_HASH.clone();
    }

    public long sequence() {
        return sequence;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public int eventCount() {
        return eventCount;
    }

    public int bodyLength() {
        return bodyLength(eventCount);
    }

    public byte[] previousHash() {
        return previousHash.clone();
    }

    public byte[] merkleRoot() {
        return merkleRoot.clone();
    }

    public int bodyCrc() {
        return bodyCrc;
    }

    /** SHA-256 of the header's first {@value #HASHED} bytes. */
    public byte[] hash() {
        return hash.clone();
    }

    /** Whether this header's previous-hash field is {@code hash}, without copying. */
    public boolean follows(byte[] hash) {
        return MessageDigest.isEqual(previousHash, hash);
    }

    /** Whether this header's hash is {@code hash}, without copying. */
    public boolean hasHash(byte[] hash) {
        return MessageDigest.isEqual(this.hash, hash);
    }

    /** Whether this header's Merkle root is {@code root}, without copying. */
    public boolean hasRoot(byte[] root) {
        return MessageDigest.isEqual(merkleRoot, root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchHeader header && Arrays.equals(hash, header.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "batch " + sequence + " (" + eventCount + " events at " + timestampNanos + ", hash "
                + HexFormat.of().formatHex(hash) + ")";
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }

    private static void checkHash(byte[] hash, String what) {
        if (hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException(what + " must be " + Merkle.HASH_SIZE + " bytes");
        }
    }

    private static int crcOfHashed(ByteBuffer buffer, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), buffer.arrayOffset() + offset, HASHED);
        return (int) crc.getValue();
    }

    private static byte[] hashOf(ByteBuffer buffer, int offset, MessageDigest sha256) {
        sha256.reset();
        sha256.update(buffer.array(), buffer.arrayOffset() + offset, HASHED);
        return sha256.digest();
    }
}
