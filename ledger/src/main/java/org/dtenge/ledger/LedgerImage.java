package org.dtenge.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * The whole ledger state at a batch boundary, detached from the live ledger so that it can be encoded
 * on another thread while the sequencer goes on. Capturing copies the account columns (they change)
 * but shares the transfer columns: transfers are append-only, and the only field that changes later,
 * the hold state, is copied.
 *
 * <p>The encoding is canonical: the same state always gives the same bytes, so two ledgers are equal
 * exactly when their encodings are. Little-endian; columns are written whole, in slot order:
 *
 * <pre>
 * "DTLS" version:int dayOffsetSeconds:int lastTimestampNanos:long batchCount:long
 * assetCount:int    { id:int code:long scale:byte issuerHi:long issuerLo:long }*
 * policyCount:int   { id:int template:int params:long[13] }*
 * (version 2 only)  templateStateLength:int templateState:byte[]   see PolicyTemplates.capture
 * accountCount:int  idHi[] idLo[] asset[] kind[] status[] tier[] intermediary[] ownerKey[32*n]
 *                   holdingLimit[] paymentLimit[] dailyLimit[] balance[] held[] outflowToday[]
 *                   outflowDay[] policy[] timestamp[]
 * transferCount:int idHi[] idLo[] debit[] credit[] amount[] asset[] flags[] referenceHi[] referenceLo[]
 *                   purpose[] timeoutSeconds[] timestamp[] holdState[] link[]
 * </pre>
 *
 * Version 2 differs from version 1 only by the policy templates' state; an image without such state
 * is written as version 1, so ledgers that use only stateless templates keep their encoding.
 */
public final class LedgerImage {
    static final int MAGIC = 0x534C5444; // "DTLS" little-endian
    static final int VERSION = 1;
    static final int VERSION_WITH_TEMPLATE_STATE = 2;

    final int dayOffsetSeconds;
    final long lastTimestampNanos;
    final long batchCount;
    final AssetTable assets = new AssetTable();
    final PolicyTable policies = new PolicyTable();
    private final AccountImage accounts;
    final TransferTable transfers;
    private final byte[] templateState;

    private LedgerImage(State state, byte[] templateState) {
        this.templateState = templateState;
        dayOffsetSeconds = state.dayOffsetSeconds;
        lastTimestampNanos = state.lastTimestampNanos;
        batchCount = state.batchCount;
        for (int i = 0; i < state.assets.count; i++) {
            AssetTable a = state.assets;
            assets.add(a.id[i], a.code[i], a.scale[i], a.issuerHi[i], a.issuerLo[i]);
        }
        for (int i = 0; i < state.policies.count; i++) {
            PolicyTable p = state.policies;
            policies.add(p.id[i], p.template[i], p.params[i].clone(), p.policy[i]);
        }
        accounts = copyAccounts(state.accounts);
        transfers = shareTransfers(state.transfers);
    }

    static LedgerImage of(State state, byte[] templateState) {
        return new LedgerImage(state, templateState);
    }

    /** Deep copy of the used part of the account records; the index is not needed for encoding. */
    private static AccountImage copyAccounts(AccountTable live) {
        int n = live.count;
        return new AccountImage(n, Arrays.copyOf(live.hot, AccountTable.at(n)), live.limits.copyValues(),
                Arrays.copyOf(live.intermediary, n), Arrays.copyOf(live.ownerKey, n * Event.OWNER_KEY_SIZE),
                Arrays.copyOf(live.timestamp, n));
    }

    /** The accounts as captured: their records and cold columns, and the limit triples they refer to. */
    private record AccountImage(int count, long[] hot, long[] limitValues, long[] intermediary, byte[] ownerKey,
                                long[] timestamp) {
        long word(int slot, int word) {
            return hot[AccountTable.at(slot) + word];
        }

        long limit(int slot, int which) {
            return limitValues[3 * (int) word(slot, AccountTable.LIMITS) + which];
        }
    }

    /**
     * Shares the append-only transfer columns. Slots below the captured count never change again (a
     * rollback only removes slots added within the current batch, after the capture), except the hold
     * state, which is copied. If a column grows later, the image keeps the old array, which still
     * holds the captured slots.
     */
    private static TransferTable shareTransfers(TransferTable live) {
        TransferTable view = new TransferTable(0);
        view.count = live.count;
        view.ids = live.ids;
        view.debit = live.debit;
        view.credit = live.credit;
        view.amount = live.amount;
        view.asset = live.asset;
        view.flags = live.flags;
        view.referenceHi = live.referenceHi;
        view.referenceLo = live.referenceLo;
        view.purpose = live.purpose;
        view.timeoutSeconds = live.timeoutSeconds;
        view.timestamp = live.timestamp;
        view.holdState = Arrays.copyOf(live.holdState, live.count);
        view.link = live.link;
        return view;
    }

    public int accountCount() {
        return accounts.count();
    }

    public int transferCount() {
        return transfers.count;
    }

    public long batchCount() {
        return batchCount;
    }

    /** Writes the canonical encoding. */
    public void writeTo(WritableByteChannel channel) throws IOException {
        try (ColumnWriter out = new ColumnWriter(channel)) {
            out.putInt(MAGIC);
            out.putInt(templateState.length == 0 ? VERSION : VERSION_WITH_TEMPLATE_STATE);
            out.putInt(dayOffsetSeconds);
            out.putLong(lastTimestampNanos);
            out.putLong(batchCount);
            writeAssets(out);
            writePolicies(out);
            if (templateState.length != 0) {
                out.putInt(templateState.length);
                out.putBytes(templateState, templateState.length);
            }
            writeAccounts(out);
            writeTransfers(out);
        }
    }

    private void writeAssets(ColumnWriter out) throws IOException {
        out.putInt(assets.count);
        for (int i = 0; i < assets.count; i++) {
            out.putInt(assets.id[i]);
            out.putLong(assets.code[i]);
            out.putByte(assets.scale[i]);
            out.putLong(assets.issuerHi[i]);
            out.putLong(assets.issuerLo[i]);
        }
    }

    private void writePolicies(ColumnWriter out) throws IOException {
        out.putInt(policies.count);
        for (int i = 0; i < policies.count; i++) {
            out.putInt(policies.id[i]);
            out.putInt(policies.template[i]);
            out.putLongs(policies.params[i], Event.POLICY_PARAMS_MAX);
        }
    }

    private void writeAccounts(ColumnWriter out) throws IOException {
        AccountImage a = accounts;
        int n = a.count();
        out.putInt(n);
        for (int i = 0; i < n; i++) {
            out.putLong(a.word(i, AccountTable.ID_HI));
        }
        for (int i = 0; i < n; i++) {
            out.putLong(a.word(i, AccountTable.ID_LO));
        }
        for (int i = 0; i < n; i++) {
            out.putInt((int) a.word(i, AccountTable.META));
        }
        for (int shift = 32; shift <= 48; shift += 8) { // kind, status, tier
            for (int i = 0; i < n; i++) {
                out.putByte((byte) (a.word(i, AccountTable.META) >>> shift));
            }
        }
        out.putLongs(a.intermediary(), n);
        out.putBytes(a.ownerKey(), n * Event.OWNER_KEY_SIZE);
        for (int which = 0; which < 3; which++) { // holding, payment, daily
            for (int i = 0; i < n; i++) {
                out.putLong(a.limit(i, which));
            }
        }
        for (int word : new int[] {AccountTable.BALANCE, AccountTable.HELD, AccountTable.OUTFLOW}) {
            for (int i = 0; i < n; i++) {
                out.putLong(a.word(i, word));
            }
        }
        for (int i = 0; i < n; i++) {
            out.putInt((int) a.word(i, AccountTable.DAY_POLICY));
        }
        for (int i = 0; i < n; i++) {
            out.putInt((int) (a.word(i, AccountTable.DAY_POLICY) >>> 32));
        }
        out.putLongs(a.timestamp(), n);
    }

    private void writeTransfers(ColumnWriter out) throws IOException {
        TransferTable t = transfers;
        int n = t.count;
        out.putInt(n);
        for (int i = 0; i < n; i++) {
            out.putLong(t.idHi(i));
        }
        for (int i = 0; i < n; i++) {
            out.putLong(t.idLo(i));
        }
        out.putInts(t.debit, n);
        out.putInts(t.credit, n);
        out.putLongs(t.amount, n);
        out.putInts(t.asset, n);
        out.putShorts(t.flags, n);
        out.putLongs(t.referenceHi, n);
        out.putLongs(t.referenceLo, n);
        out.putInts(t.purpose, n);
        out.putInts(t.timeoutSeconds, n);
        out.putLongs(t.timestamp, n);
        out.putBytes(t.holdState, n);
        out.putInts(t.link, n);
    }

    /** Buffers little-endian values into 64 KiB chunks for the channel. */
    private static final class ColumnWriter implements AutoCloseable {
        private final WritableByteChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        ColumnWriter(WritableByteChannel channel) {
            this.channel = channel;
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        void putByte(byte value) throws IOException {
            room(1);
            buffer.put(value);
        }

        void putInt(int value) throws IOException {
            room(4);
            buffer.putInt(value);
        }

        void putLong(long value) throws IOException {
            room(8);
            buffer.putLong(value);
        }

        void putLongs(long[] values, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                putLong(values[i]);
            }
        }

        void putInts(int[] values, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                putInt(values[i]);
            }
        }

        void putShorts(short[] values, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                room(2);
                buffer.putShort(values[i]);
            }
        }

        void putBytes(byte[] values, int n) throws IOException {
            int done = 0;
            while (done < n) {
                room(1);
                int chunk = Math.min(buffer.remaining(), n - done);
                buffer.put(values, done, chunk);
                done += chunk;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
