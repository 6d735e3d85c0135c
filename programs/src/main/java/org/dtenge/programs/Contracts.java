package org.dtenge.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.Policy;
import org.dtenge.ledger.PolicyTemplates;

/**
 * The ledger's policy templates with programmable money: the built-in templates plus the contract
 * templates ({@link ContractTemplate}), whose conditions are CEL compiled once and cached.
 *
 * <p>CREATE_POLICY parameters of a contract:
 * <pre>
 *   0..3  SHA-256 of the contract document (journaled before it in CONTRACT_TEXT records)
 *   4     contract id (the policy id, repeated so that the template knows it)
 *   5     owner: participant code
 *   6     version (1, 2, ... per contract name and owner, chosen by the node)
 *   7..12 the template's own parameters (see {@link GatePolicy}, {@link TaxSplitPolicy})
 * </pre>
 *
 * <p>State: the documents journaled so far, chunks of documents still incomplete, each contract's
 * status, and the schedules with their next occurrence. It changes only as RECORDs are applied ({@link #onRecord}) and CREATE_POLICY events create
 * contracts (never linked, so never rolled back); policies only read it. Documents, chunks,
 * statuses and schedules travel in the ledger image ({@link #capture}); the deployed contracts are recreated from
 * the image's policies. Everything here runs on the sequencer thread (reads come through
 * {@code Sequencer.read}), except {@link #conditions()}, which is thread-safe.
 */
public final class Contracts implements PolicyTemplates {
    public static final int FIRST_TEMPLATE_PARAM = 7;
    public static final int TEMPLATE_PARAMS = Event.POLICY_PARAMS_MAX - FIRST_TEMPLATE_PARAM;
    private static final int STATE_MAGIC = 0x44545043; // "DTPC"
    private static final int STATE_VERSION = 1;

    private final BuiltInPolicies builtIn = new BuiltInPolicies();
    private final Conditions conditions;
    private final AccountNames names;
    private final TreeMap<String, byte[]> documents = new TreeMap<>();
    private final TreeMap<String, byte[][]> pending = new TreeMap<>();
    private final TreeMap<Integer, ContractStatus> statuses = new TreeMap<>();
    private final TreeMap<Integer, Deployed> deployed = new TreeMap<>();
    private final TreeMap<Long, Schedule> schedules = new TreeMap<>();

    public Contracts(Conditions conditions, AccountNames names) {
        this.conditions = conditions;
        this.names = names;
    }

    /** A contract as created, and the live status its policy reads. */
    static final class Deployed {
        final int id;
        final ContractTemplate template;
        final long[] params;
        final String name;
        final String condition;
        final String hash;
        ContractStatus status = ContractStatus.ACTIVE;

        Deployed(int id, ContractTemplate template, long[] params, String name, String condition, String hash) {
            this.id = id;
            this.template = template;
            this.params = params;
            this.name = name;
            this.condition = condition;
            this.hash = hash;
        }

        int param(int i) {
            return (int) params[FIRST_TEMPLATE_PARAM + i];
        }

        long paramLong(int i) {
            return params[FIRST_TEMPLATE_PARAM + i];
        }
    }

    public Conditions conditions() {
        return conditions;
    }

    @Override
    public Instance create(int template, long[] params) {
        Optional<ContractTemplate> contract = ContractTemplate.of(template);
        if (contract.isEmpty()) {
            return builtIn.create(template, params);
        }
        String hash = ContractRecords.hex(ContractRecords.hashOf(params));
        byte[] document = documents.get(hash);
        if (document == null) {
            return new InvalidParameters("no contract document with hash " + hash + " was journaled");
        }
        String text = new String(document, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline <= 0) {
            return new InvalidParameters("the contract document has no name line");
        }
        int id = (int) params[4];
        if (id <= 0 || id != params[4] || deployed.containsKey(id)) {
            return new InvalidParameters("contract id must be positive, fit 32 bits and be new");
        }
        String condition = text.substring(newline + 1);
        Condition compiled = switch (conditions.compile(condition)) {
            case Conditions.Accepted accepted -> accepted.condition();
            case Conditions.Refused refused -> null;
        };
        if (compiled == null) {
            return new InvalidParameters("the condition does not compile");
        }
        Deployed d = new Deployed(id, contract.get(), params.clone(), text.substring(0, newline), condition, hash);
        Instance instance = switch (contract.get()) {
            case GATE -> GatePolicy.create(d, compiled, new TransferFacts(names));
            case TAX_SPLIT -> TaxSplitPolicy.create(d, compiled, new TransferFacts(names));
            case REWARD_POOL -> RewardPoolPolicy.create(d, compiled, new TransferFacts(names));
        };
        if (instance instanceof Created) {
            d.status = statuses.getOrDefault(id, ContractStatus.ACTIVE);
            deployed.put(id, d);
        }
        return instance;
    }

    @Override
    public void onRecord(ByteBuffer payload, int offset, long timestampNanos) {
        int kind = payload.get(offset) & 0xFF;
        if (payload.get(offset + 1) != ContractRecords.VERSION) {
            return;
        }
        if (kind == ContractRecords.KIND_TEXT) {
            text(payload, offset);
        } else if (kind == ContractRecords.KIND_STATUS) {
            status(payload, offset);
        } else if (kind == ContractRecords.KIND_SCHEDULE) {
            schedule(payload, offset);
        } else if (kind == ContractRecords.KIND_SCHEDULE_DONE) {
            scheduleDone(payload, offset);
        }
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
    public List<Schedule> schedules() {
        return List.copyOf(schedules.values());
    }

    /** Schedules whose next occurrence is due at {@code nowSeconds}. */
    public List<Schedule> due(long nowSeconds) {
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
    private void status(ByteBuffer payload, int offset) {
        Check.that(payload.order() == java.nio.ByteOrder.LITTLE_ENDIAN, "the ledger hands records in its little-endian buffer");
        Optional<ContractStatus> next = ContractStatus.of(payload.get(offset + 2) & 0xFF);
        int id = Integer.reverseBytes(payload.getInt(offset + 4)); // records are big-endian, the batch is not
        ContractStatus current = statuses.getOrDefault(id, ContractStatus.ACTIVE);
        Deployed d = deployed.get(id);
        if (next.isEmpty() || d == null || !current.mayBecome(next.get())) {
            return; // the node checks first; a record that slips through changes nothing
        }
        statuses.put(id, next.get());
        d.status = next.get();
    }

    /** The deployed contracts, by id. */
    public List<Contract> contracts() {
        List<Contract> all = new ArrayList<>(deployed.size());
        deployed.values().forEach(d -> all.add(view(d)));
        return all;
    }

    public Optional<Contract> contract(int id) {
        Deployed d = deployed.get(id);
        return d == null ? Optional.empty() : Optional.of(view(d));
    }

    /** Whether a document with this hash is journaled (so a CREATE_POLICY naming it would succeed). */
    public boolean hasDocument(byte[] document) {
        return documents.containsKey(ContractRecords.hex(ContractRecords.sha256(document)));
    }

    private static Contract view(Deployed d) {
        List<Long> params = new ArrayList<>(TEMPLATE_PARAMS);
        for (int i = 0; i < TEMPLATE_PARAMS; i++) {
            params.add(d.paramLong(i));
        }
        return new Contract(d.id, d.template, d.name, d.condition, d.params[5], d.params[6], d.status,
                List.copyOf(params), d.hash);
    }

    @Override
    public byte[] capture() {
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

    @Override
    public boolean restore(byte[] state) {
        documents.clear();
        pending.clear();
        statuses.clear();
        deployed.clear();
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
            byte[] hash = in.readNBytes(ContractRecords.HASH_BYTES);
            int length = in.readInt();
            if (length <= 0 || length > ContractRecords.DOCUMENT_BYTES_MAX) {
                throw new IOException("document length");
            }
            documents.put(ContractRecords.hex(hash), in.readNBytes(length));
        }
    }

    private void readSchedules(DataInputStream in) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            ByteBuffer record = ByteBuffer.wrap(in.readNBytes(org.dtenge.ledger.Event.RECORD_PAYLOAD_SIZE));
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
            byte[] hash = in.readNBytes(ContractRecords.HASH_BYTES);
            byte[][] chunks = new byte[in.readUnsignedByte()][];
            for (int c = 0; c < chunks.length; c++) {
                int n = in.readUnsignedByte();
                chunks[c] = n == 0 ? null : in.readNBytes(n);
            }
            pending.put(ContractRecords.hex(hash), chunks);
        }
    }

    /** Why a contract policy that governs a transfer must decline it before its condition is asked, or ALLOW. */
    static int statusReason(Deployed d) {
        return switch (d.status) {
            case ACTIVE -> Policy.ALLOW;
            case PAUSED -> Reasons.PAUSED;
            case RETIRED -> Reasons.RETIRED;
        };
    }
}
