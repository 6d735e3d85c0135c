package org.dtenge.ledger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A batch of up to {@value #EVENTS_MAX} event records and the timestamp that the sequencer stamped
 * on it. Reused: {@link #clear()} and fill again, so a steady-state sequencer allocates nothing.
 *
 * <p>The writers below fill records in the layout of {@link Event}; the ledger reads the same bytes.
 */
public final class EventBatch {
    /** As TigerBeetle: a batch body of just under 1 MiB of 128-byte events. */
    public static final int EVENTS_MAX = 8190;

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final int capacity;
    private int count;
    private long timestampNanos;

    public EventBatch() {
        this(EVENTS_MAX);
    }

    public EventBatch(int capacity) {
        Check.argument(capacity > 0 && capacity <= EVENTS_MAX, "capacity must be 1.." + EVENTS_MAX);
        this.capacity = capacity;
        this.bytes = new byte[capacity * Event.SIZE];
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return count == capacity;
    }

    /** Nanoseconds since the Unix epoch, set by the sequencer; the ledger's only notion of time. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public void timestampNanos(long timestampNanos) {
        this.timestampNanos = timestampNanos;
    }

    public void clear() {
        java.util.Arrays.fill(bytes, 0, count * Event.SIZE, (byte) 0);
        count = 0;
        timestampNanos = 0;
    }

    /** The backing array: events {@code [0, count)} in record layout. */
    public byte[] array() {
        return bytes;
    }

    /** Little-endian view over {@link #array()}. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Copies {@code eventCount} raw records from {@code source} at {@code offset}. */
    public void appendRecords(byte[] source, int offset, int eventCount) {
        Check.argument(eventCount >= 0 && count + eventCount <= capacity, "batch overflow");
        System.arraycopy(source, offset, bytes, count * Event.SIZE, eventCount * Event.SIZE);
        count += eventCount;
    }

    /** Copies event {@code index} of {@code other} to the end of this batch. */
    public void appendRecord(EventBatch other, int index) {
        Check.argument(index >= 0 && index < other.count, "no such event");
        appendRecords(other.bytes, index * Event.SIZE, 1);
    }

    /** Copies the whole batch, timestamp included. */
    public void copyFrom(EventBatch other) {
        clear();
        appendRecords(other.bytes, 0, other.count);
        timestampNanos = other.timestampNanos;
    }

    public int type(int index) {
        return bytes[index * Event.SIZE + Event.TYPE];
    }

    public int flags(int index) {
        return buffer.getShort(index * Event.SIZE + Event.FLAGS) & 0xFFFF;
    }

    public long idHi(int index) {
        return buffer.getLong(index * Event.SIZE + Event.ID);
    }

    public long idLo(int index) {
        return buffer.getLong(index * Event.SIZE + Event.ID + 8);
    }

    private int begin(EventType type, int flags) {
        Check.argument(count < capacity, "batch is full");
        int base = count * Event.SIZE;
        count++;
        bytes[base + Event.TYPE] = (byte) type.code;
        buffer.putShort(base + Event.FLAGS, (short) flags);
        return base;
    }

    /** Appends a TRANSFER event. {@code flags} combines {@link Event#LINKED}, {@link Event#PENDING}, ... */
    public void transfer(long idHi, long idLo, long debitHi, long debitLo, long creditHi, long creditLo,
                         long amount, int asset, int flags, long pendingHi, long pendingLo,
                         long referenceHi, long referenceLo, int purpose, int timeoutSeconds) {
        int base = begin(EventType.TRANSFER, flags);
        buffer.putInt(base + Event.ASSET, asset);
        buffer.putLong(base + Event.ID, idHi);
        buffer.putLong(base + Event.ID + 8, idLo);
        buffer.putLong(base + Event.DEBIT, debitHi);
        buffer.putLong(base + Event.DEBIT + 8, debitLo);
        buffer.putLong(base + Event.CREDIT, creditHi);
        buffer.putLong(base + Event.CREDIT + 8, creditLo);
        buffer.putLong(base + Event.AMOUNT, amount);
        buffer.putLong(base + Event.PENDING_ID, pendingHi);
        buffer.putLong(base + Event.PENDING_ID + 8, pendingLo);
        buffer.putLong(base + Event.REFERENCE, referenceHi);
        buffer.putLong(base + Event.REFERENCE + 8, referenceLo);
        buffer.putInt(base + Event.PURPOSE, purpose);
        buffer.putInt(base + Event.TIMEOUT, timeoutSeconds);
    }

    /** Appends a single-phase TRANSFER with no reference, purpose or hold. */
    public void transfer(long idHi, long idLo, long debitHi, long debitLo, long creditHi, long creditLo,
                         long amount, int asset, int flags) {
        transfer(idHi, idLo, debitHi, debitLo, creditHi, creditLo, amount, asset, flags, 0, 0, 0, 0, 0, 0);
    }

    /** Appends a CREATE_ACCOUNT event. {@code ownerKey} is 32 bytes (an Ed25519 public key) or all zero. */
    public void createAccount(long idHi, long idLo, int asset, AccountKind kind, long intermediary,
                              byte[] ownerKey, int tier, long holdingLimit, long paymentLimit,
                              long dailyLimit, int policy, int flags) {
        Check.argument(ownerKey.length == Event.OWNER_KEY_SIZE, "owner key must be 32 bytes");
        int base = begin(EventType.CREATE_ACCOUNT, flags);
        buffer.putInt(base + Event.ASSET, asset);
        buffer.putLong(base + Event.ID, idHi);
        buffer.putLong(base + Event.ID + 8, idLo);
        System.arraycopy(ownerKey, 0, bytes, base + Event.OWNER_KEY, Event.OWNER_KEY_SIZE);
        buffer.putLong(base + Event.INTERMEDIARY, intermediary);
        buffer.putLong(base + Event.HOLDING_LIMIT, holdingLimit);
        buffer.putLong(base + Event.PAYMENT_LIMIT, paymentLimit);
        buffer.putLong(base + Event.DAILY_LIMIT, dailyLimit);
        buffer.putInt(base + Event.POLICY, policy);
        bytes[base + Event.KIND] = (byte) kind.code;
        bytes[base + Event.TIER] = (byte) tier;
    }

    /** Appends FREEZE_ACCOUNT, UNFREEZE_ACCOUNT or CLOSE_ACCOUNT. */
    public void accountStatus(EventType type, long idHi, long idLo, int flags) {
        Check.argument(type == EventType.FREEZE_ACCOUNT || type == EventType.UNFREEZE_ACCOUNT
                || type == EventType.CLOSE_ACCOUNT, "not an account status event");
        int base = begin(type, flags);
        buffer.putLong(base + Event.ID, idHi);
        buffer.putLong(base + Event.ID + 8, idLo);
    }

    /** Appends CHANGE_TIER. */
    public void changeTier(long idHi, long idLo, int tier, long holdingLimit, long paymentLimit,
                           long dailyLimit, int flags) {
        int base = begin(EventType.CHANGE_TIER, flags);
        buffer.putLong(base + Event.ID, idHi);
        buffer.putLong(base + Event.ID + 8, idLo);
        buffer.putLong(base + Event.HOLDING_LIMIT, holdingLimit);
        buffer.putLong(base + Event.PAYMENT_LIMIT, paymentLimit);
        buffer.putLong(base + Event.DAILY_LIMIT, dailyLimit);
        bytes[base + Event.TIER] = (byte) tier;
    }

    /** Appends CREATE_ASSET. {@code code} is 1 to 8 ASCII letters or digits, e.g. "KZT". */
    public void createAsset(int asset, String code, int scale, long issuerHi, long issuerLo) {
        Check.argument(code.length() >= 1 && code.length() <= 8, "asset code must be 1..8 characters");
        Check.argument(scale >= 0 && scale <= 18, "scale must be 0..18");
        int base = begin(EventType.CREATE_ASSET, 0);
        buffer.putInt(base + Event.ASSET, asset);
        buffer.putLong(base + Event.ID, issuerHi);
        buffer.putLong(base + Event.ID + 8, issuerLo);
        for (int i = 0; i < code.length(); i++) {
            bytes[base + Event.ASSET_CODE + i] = (byte) code.charAt(i);
        }
        bytes[base + Event.ASSET_SCALE] = (byte) scale;
    }

    /** Appends CREATE_POLICY: an instance of {@code template} with up to 13 parameters. */
    public void createPolicy(int policy, int template, long... params) {
        Check.argument(params.length <= Event.POLICY_PARAMS_MAX, "at most 13 policy parameters");
        int base = begin(EventType.CREATE_POLICY, 0);
        buffer.putInt(base + Event.ASSET, policy);
        buffer.putInt(base + Event.POLICY_TEMPLATE, template);
        for (int i = 0; i < params.length; i++) {
            buffer.putLong(base + Event.POLICY_PARAMS + i * 8, params[i]);
        }
    }

    /** Appends a RECORD: {@code payload} (at most 124 bytes, zero-padded) for the node's registries. */
    public void record(byte[] payload) {
        Check.argument(payload.length <= Event.RECORD_PAYLOAD_SIZE, "a record payload is at most 124 bytes");
        int base = begin(EventType.RECORD, 0);
        System.arraycopy(payload, 0, bytes, base + Event.RECORD_PAYLOAD, payload.length);
    }
}
