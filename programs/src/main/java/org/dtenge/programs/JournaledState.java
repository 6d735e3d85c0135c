package org.dtenge.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * What the journal's program records have built: contract documents (by SHA-256), chunks of documents
 * not yet whole, contract statuses and schedules with their next occurrence. Changed only by applied
 * RECORDs, in journal order; encoded canonically (sorted maps, big-endian) for the ledger image.
 *
 * <pre>
 * "DTPC" version:int
 * documentCount:int { sha256[32] length:int bytes }*
 * pendingCount:int  { sha256[32] chunkCount:byte { n:byte bytes[n] }* }*       n = 0: chunk missing
 * statusCount:int   { contractId:int status:byte }*
 * scheduleCount:int { scheduleRecord[124] nextOccurrence:int }*
 * </pre>
 */
final class JournaledState {
    private static final int STATE_MAGIC = 0x44545043; // "DTPC"
    private static final int STATE_VERSION = 1;

    private final TreeMap<String, byte[]> documents = new TreeMap<>();
    private final TreeMap<String, byte[][]> pending = new TreeMap<>();
    private final TreeMap<Integer, ContractStatus> statuses = new TreeMap<>();
    private final TreeMap<Long, Schedule> schedules = new TreeMap<>();

    /**
     * Applies a program record; returns the id of a contract whose status changed, or 0. Records of
     * other kinds (the node's) and other versions are not ours and change nothing.
     */
    int apply(ByteBuffer payload, int offset, IntPredicate deployed) {
        int kind = payload.get(offset) & 0xFF;
        if (payload.get(offset + 1) != ContractRecords.VERSION) {
            return 0;
        }
        switch (kind) {
            case ContractRecords.KIND_TEXT -> text(payload, offset);
            case ContractRecords.KIND_STATUS -> {
                return status(payload, offset, deployed);
            }
            case ContractRecords.KIND_SCHEDULE -> schedule(payload, offset);
            case ContractRecords.KIND_SCHEDULE_DONE -> scheduleDone(payload, offset);
            default -> { }
        }
        return 0;
    }

    ContractStatus status(int contract) {
        return statuses.getOrDefault(contract, ContractStatus.ACTIVE);
    }

    Optional<byte[]> document(String hash) {
        return Optional.ofNullable(documents.get(hash));
    }

    /** A new schedule; one with an id in use, or malformed, is ignored (the node checks first). */
    private void schedule(ByteBuffer payload, int offset) {
        Optional<Schedule.Action> action = Schedule.Action.of(payload.get(offset + 2) & 0xFF);
        long id = ContractRecords.longAt(payload, offset + 8);
        int interval = ContractRecords.intAt(payload, offset + 72);
        int count = ContractRecords.intAt(payload, offset + 76);
        long amount = ContractRecords.longAt(payload, offset + 56);
        if (action.isEmpty() || schedules.containsKey(id) || count < 1 || interval < 0 || count > 1 && interval == 0
                || amount < 0) {
            return;
        }
        schedules.put(id, new Schedule(id, action.get(), ContractRecords.longAt(payload, offset + 16),
                ContractRecords.intAt(payload, offset + 4), ContractRecords.longAt(payload, offset + 24),
                ContractRecords.longAt(payload, offset + 32), ContractRecords.longAt(payload, offset + 40),
                ContractRecords.longAt(payload, offset + 48), amount, ContractRecords.longAt(payload, offset + 64),
                interval, count, 0));
    }

    /** An occurrence carried out: the schedule moves on (a repeat of an older occurrence changes nothing). */
    private void scheduleDone(ByteBuffer payload, int offset) {
        int occurrence = ContractRecords.intAt(payload, offset + 4);
        Schedule schedule = schedules.get(ContractRecords.longAt(payload, offset + 8));
        if (schedule != null && schedule.nextOccurrence() == occurrence && !schedule.finished()) {
            schedules.put(schedule.id(), schedule.next());
        }
    }

    /** Every schedule, finished ones included, by id. */
    List<Schedule> schedules() {
        return List.copyOf(schedules.values());
    }

    /** Schedules whose next occurrence is due at {@code nowSeconds}. */
    List<Schedule> due(long nowSeconds) {
        List<Schedule> due = new ArrayList<>();
        for (Schedule s : schedules.values()) {
            if (!s.finished() && s.dueSeconds(s.nextOccurrence()) <= nowSeconds) {
                due.add(s);
            }
        }
        return due;
    }

    /** A chunk: kept until its document is whole and its hash checks; a bad chunk is ignored. */
    private void text(ByteBuffer payload, int offset) {
        int index = payload.get(offset + 2) & 0xFF;
        int count = payload.get(offset + 3) & 0xFF;
        int n = payload.get(offset + 36) & 0xFF;
        if (count == 0 || count > ContractRecords.CHUNKS_MAX || index >= count || n == 0
                || n > ContractRecords.CHUNK_TEXT || n < ContractRecords.CHUNK_TEXT && index != count - 1) {
            return;
        }
        byte[] hash = new byte[ContractRecords.HASH_BYTES];
        payload.get(offset + 4, hash);
        String key = ContractRecords.hex(hash);
        if (documents.containsKey(key)) {
            return;
        }
        byte[][] chunks = pending.computeIfAbsent(key, k -> new byte[count][]);
        if (chunks.length != count) {
            return;
        }
        byte[] text = new byte[n];
        payload.get(offset + 37, text);
        chunks[index] = text;
        complete(key, hash, chunks);
    }

    private void complete(String key, byte[] hash, byte[][] chunks) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return;
            }
            whole.writeBytes(chunk);
        }
        pending.remove(key);
        byte[] document = whole.toByteArray();
        if (Arrays.equals(ContractRecords.sha256(document), hash)) {
            documents.put(key, document);
        }
    }

    /** The batch's buffer is little-endian (the ledger's layout); record payloads are big-endian. */
    private int status(ByteBuffer payload, int offset, IntPredicate deployed) {
        Check.that(payload.order() == java.nio.ByteOrder.LITTLE_ENDIAN, "the ledger hands records in its little-endian buffer");
        Optional<ContractStatus> next = ContractStatus.of(payload.get(offset + 2) & 0xFF);
        int id = Integer.reverseBytes(payload.getInt(offset + 4)); // records are big-endian, the batch is not
        ContractStatus current = status(id);
        if (next.isEmpty() || !deployed.test(id) || !current.mayBecome(next.get())) {
            return 0; // the node checks first; a record that slips through changes nothing
        }
        statuses.put(id, next.get());
        return id;
    }

    /** Whether a document with this hash is journaled (so a CREATE_POLICY naming it would succeed). */
    boolean hasDocument(byte[] document) {
        return documents.containsKey(ContractRecords.hex(ContractRecords.sha256(document)));
    }

    byte[] capture() {
        if (documents.isEmpty() && pending.isEmpty() && statuses.isEmpty() && schedules.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_MAGIC);
            out.writeInt(STATE_VERSION);
            out.writeInt(documents.size());
            for (var e : documents.entrySet()) {
                out.write(java.util.HexFormat.of().parseHex(e.getKey()));
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.writeInt(pending.size());
            for (var e : pending.entrySet()) {
                out.write(java.util.HexFormat.of().parseHex(e.getKey()));
                byte[][] chunks = e.getValue();
                out.writeByte(chunks.length);
                for (byte[] chunk : chunks) {
                    out.writeByte(chunk == null ? 0 : chunk.length);
                    if (chunk != null) {
                        out.write(chunk);
                    }
                }
            }
            out.writeInt(statuses.size());
            for (var e : statuses.entrySet()) {
                out.writeInt(e.getKey());
                out.writeByte(e.getValue().code);
            }
            out.writeInt(schedules.size());
            for (Schedule t : schedules.values()) {
                out.write(ContractRecords.schedule(new Schedule(t.id(), t.action(), t.owner(), t.program(), t.fromHi(),
                        t.fromLo(), t.toHi(), t.toLo(), t.amount(), t.firstSeconds(), t.intervalSeconds(), t.count(), 0)));
                out.writeInt(t.nextOccurrence());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does no I/O", e);
        }
        return bytes.toByteArray();
    }

    boolean restore(byte[] state) {
        documents.clear();
        pending.clear();
        statuses.clear();
        schedules.clear();
        if (state.length == 0) {
            return true;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != STATE_MAGIC || in.readInt() != STATE_VERSION) {
                return false;
            }
            readDocuments(in);
            readPending(in);
            for (int i = in.readInt(); i > 0; i--) {
                int id = in.readInt();
                statuses.put(id, ContractStatus.of(in.readUnsignedByte()).orElseThrow(() -> new IOException("status")));
            }
            readSchedules(in);
            return in.read() < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void readDocuments(DataInputStream in) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            byte[] hash = exactly(in, ContractRecords.HASH_BYTES);
            int length = in.readInt();
            if (length <= 0 || length > ContractRecords.DOCUMENT_BYTES_MAX) {
                throw new IOException("document length");
            }
            documents.put(ContractRecords.hex(hash), exactly(in, length));
        }
    }

    private void readSchedules(DataInputStream in) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            ByteBuffer record = ByteBuffer.wrap(exactly(in, org.dtenge.ledger.Event.RECORD_PAYLOAD_SIZE));
            int next = in.readInt();
            schedule(record, 0);
            long id = record.getLong(8);
            Schedule s = schedules.get(id);
            if (s == null || next < 0 || next > s.count()) {
                throw new IOException("schedule " + id);
            }
            schedules.put(id, new Schedule(s.id(), s.action(), s.owner(), s.program(), s.fromHi(), s.fromLo(), s.toHi(),
                    s.toLo(), s.amount(), s.firstSeconds(), s.intervalSeconds(), s.count(), next));
        }
    }

    private void readPending(DataInputStream in) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            byte[] hash = exactly(in, ContractRecords.HASH_BYTES);
            byte[][] chunks = new byte[in.readUnsignedByte()][];
            for (int c = 0; c < chunks.length; c++) {
                int n = in.readUnsignedByte();
                chunks[c] = n == 0 ? null : exactly(in, n);
            }
            pending.put(ContractRecords.hex(hash), chunks);
        }
    }

    /** {@code n} bytes, or an IOException: a short read means a cut image, never a shorter document. */
    private static byte[] exactly(DataInputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("the contract state ends early");
        }
        return bytes;
    }
}
