package org.dtenge.programs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtenge.ledger.Event;

/**
 * The RECORD payloads that journal contracts (124 bytes each, big-endian, zero-padded). A contract's
 * document (its name, a newline, its CEL condition) does not fit one record, so it travels as a chain
 * of text chunks, all naming the document's SHA-256, followed by the CREATE_POLICY whose parameters
 * carry the same hash: the policy can only be created once every chunk is in and the hash matches.
 *
 * <pre>
 * CONTRACT_TEXT                           CONTRACT_STATUS
 * offset size                             offset size
 *   0     1   kind = 0x50                   0     1   kind = 0x51
 *   1     1   version = 1                   1     1   version = 1
 *   2     1   chunk index (0..count-1)      2     1   status code (ContractStatus)
 *   3     1   chunk count (1..64)           3     1   reserved (0)
 *   4    32   SHA-256 of the document       4     4   contract id (= policy id)
 *  36     1   n = text bytes here (1..87)   8     8   participant code of who changed it
 *  37    87   text bytes, zero-padded
 * </pre>
 *
 * SCHEDULE (0x52): 2 action, 4 program id (4), 8 schedule id (8), 16 owner (8), 24 from (16), 40 to (16),
 * 56 amount (8), 64 first due, seconds (8), 72 interval seconds (4), 76 count (4).
 * SCHEDULE_DONE (0x53): 4 occurrence (4), 8 schedule id (8).
 *
 * <p>The kinds share the first payload byte with the node's own record kinds (1, 2, ...); 0x50 and up
 * belong to programs.
 */
public final class ContractRecords {
    public static final int KIND_TEXT = 0x50;
    public static final int KIND_STATUS = 0x51;
    public static final int KIND_SCHEDULE = 0x52;
    public static final int KIND_SCHEDULE_DONE = 0x53;
    static final int VERSION = 1;
    static final int CHUNK_TEXT = 87;
    static final int CHUNKS_MAX = 64;
    /** The longest document: 64 chunks. */
    public static final int DOCUMENT_BYTES_MAX = CHUNK_TEXT * CHUNKS_MAX;
    static final int HASH_BYTES = 32;

    private ContractRecords() {}

    /** The text chunks that journal {@code document}, in order. */
    public static List<byte[]> textChunks(byte[] document) {
        if (document.length == 0 || document.length > DOCUMENT_BYTES_MAX) {
            throw new ProgramException("a contract document is 1.." + DOCUMENT_BYTES_MAX + " bytes, not " + document.length);
        }
        byte[] hash = sha256(document);
        int count = (document.length + CHUNK_TEXT - 1) / CHUNK_TEXT;
        List<byte[]> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * CHUNK_TEXT;
            int n = Math.min(CHUNK_TEXT, document.length - from);
            ByteBuffer out = ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE);
            out.put((byte) KIND_TEXT).put((byte) VERSION).put((byte) i).put((byte) count).put(hash)
                    .put((byte) n).put(document, from, n);
            chunks.add(out.array());
        }
        return chunks;
    }

    /** The status record: {@code contractId} becomes {@code status}, changed by participant {@code by}. */
    public static byte[] status(int contractId, ContractStatus status, long by) {
        ByteBuffer out = ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE);
        out.put((byte) KIND_STATUS).put((byte) VERSION).put((byte) status.code).put((byte) 0)
                .putInt(contractId).putLong(by);
        return out.array();
    }

    /** The record that journals {@code schedule} (its {@code nextOccurrence} must be 0). */
    public static byte[] schedule(Schedule schedule) {
        if (schedule.nextOccurrence() != 0) {
            throw new ProgramException("a schedule is journaled before its first occurrence");
        }
        ByteBuffer out = ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE);
        out.put((byte) KIND_SCHEDULE).put((byte) VERSION).put((byte) schedule.action().code).put((byte) 0)
                .putInt(schedule.program()).putLong(schedule.id()).putLong(schedule.owner())
                .putLong(schedule.fromHi()).putLong(schedule.fromLo()).putLong(schedule.toHi()).putLong(schedule.toLo())
                .putLong(schedule.amount()).putLong(schedule.firstSeconds()).putInt(schedule.intervalSeconds())
                .putInt(schedule.count());
        return out.array();
    }

    /** The record that says occurrence {@code occurrence} of schedule {@code id} was carried out. */
    public static byte[] scheduleDone(long id, int occurrence) {
        ByteBuffer out = ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE);
        out.put((byte) KIND_SCHEDULE_DONE).put((byte) VERSION).putShort((short) 0).putInt(occurrence).putLong(id);
        return out.array();
    }

    /** A big-endian long from a payload in a buffer of either order. */
    static long longAt(ByteBuffer buffer, int offset) {
        long v = buffer.getLong(offset);
        return buffer.order() == java.nio.ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }

    static int intAt(ByteBuffer buffer, int offset) {
        int v = buffer.getInt(offset);
        return buffer.order() == java.nio.ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    /** The document as contracts journal it: its name, a newline, the condition. */
    public static byte[] document(String name, String condition) {
        if (name.isBlank() || name.indexOf('\n') >= 0) {
            throw new ProgramException("a contract name is one non-blank line");
        }
        return (name + "\n" + condition).getBytes(StandardCharsets.UTF_8);
    }

    /** The document's hash as the four CREATE_POLICY parameters that carry it. */
    public static long[] hashParams(byte[] document) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(document));
        return new long[] {hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong()};
    }

    static byte[] hashOf(long[] params) {
        ByteBuffer hash = ByteBuffer.allocate(HASH_BYTES);
        for (int i = 0; i < 4; i++) {
            hash.putLong(params[i]);
        }
        return hash.array();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static boolean sameHash(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
