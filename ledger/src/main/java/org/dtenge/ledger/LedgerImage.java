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
 * accountCount:int  idHi[] idLo[] asset[] kind[] status[] tier[] intermediary[] ownerKey[32*n]
 *                   holdingLimit[] paymentLimit[] dailyLimit[] balance[] held[] outflowToday[]
 *                   outflowDay[] policy[] timestamp[]
 * transferCount:int idHi[] idLo[] debit[] credit[] amount[] asset[] flags[] referenceHi[] referenceLo[]
 *                   purpose[] timeoutSeconds[] timestamp[] holdState[] link[]
 * </pre>
 */
public final class LedgerImage {
    static final int MAGIC = 0x534C5444; // "DTLS" little-endian
    static final int VERSION = 1;

    final int dayOffsetSeconds;
    final long lastTimestampNanos;
    final long batchCount;
    final AssetTable assets = new AssetTable();
    final PolicyTable policies = new PolicyTable();
    final AccountTable accounts;
    final TransferTable transfers;

    private LedgerImage(State state) {
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

    static LedgerImage of(State state) {
        return new LedgerImage(state);
    }

    /** Deep copy of the used part of the account columns; the index is not needed for encoding. */
    private static AccountTable copyAccounts(AccountTable live) {
        AccountTable copy = new AccountTable(0);
        int n = live.count;
        copy.count = n;
        copy.idHi = Arrays.copyOf(live.idHi, n);
        copy.idLo = Arrays.copyOf(live.idLo, n);
        copy.asset = Arrays.copyOf(live.asset, n);
        copy.kind = Arrays.copyOf(live.kind, n);
        copy.status = Arrays.copyOf(live.status, n);
        copy.tier = Arrays.copyOf(live.tier, n);
        copy.intermediary = Arrays.copyOf(live.intermediary, n);
        copy.ownerKey = Arrays.copyOf(live.ownerKey, n * Event.OWNER_KEY_SIZE);
        copy.holdingLimit = Arrays.copyOf(live.holdingLimit, n);
        copy.paymentLimit = Arrays.copyOf(live.paymentLimit, n);
        copy.dailyLimit = Arrays.copyOf(live.dailyLimit, n);
        copy.balance = Arrays.copyOf(live.balance, n);
        copy.held = Arrays.copyOf(live.held, n);
        copy.outflowToday = Arrays.copyOf(live.outflowToday, n);
        copy.outflowDay = Arrays.copyOf(live.outflowDay, n);
        copy.policy = Arrays.copyOf(live.policy, n);
        copy.timestamp = Arrays.copyOf(live.timestamp, n);
        return copy;
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
        view.idHi = live.idHi;
        view.idLo = live.idLo;
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
        return accounts.count;
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
            out.putInt(VERSION);
            out.putInt(dayOffsetSeconds);
            out.putLong(lastTimestampNanos);
            out.putLong(batchCount);
            writeAssets(out);
            writePolicies(out);
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
        AccountTable a = accounts;
        int n = a.count;
        out.putInt(n);
        out.putLongs(a.idHi, n);
        out.putLongs(a.idLo, n);
        out.putInts(a.asset, n);
        out.putBytes(a.kind, n);
        out.putBytes(a.status, n);
        out.putBytes(a.tier, n);
        out.putLongs(a.intermediary, n);
        out.putBytes(a.ownerKey, n * Event.OWNER_KEY_SIZE);
        out.putLongs(a.holdingLimit, n);
        out.putLongs(a.paymentLimit, n);
        out.putLongs(a.dailyLimit, n);
        out.putLongs(a.balance, n);
        out.putLongs(a.held, n);
        out.putLongs(a.outflowToday, n);
        out.putInts(a.outflowDay, n);
        out.putInts(a.policy, n);
        out.putLongs(a.timestamp, n);
    }

    private void writeTransfers(ColumnWriter out) throws IOException {
        TransferTable t = transfers;
        int n = t.count;
        out.putInt(n);
        out.putLongs(t.idHi, n);
        out.putLongs(t.idLo, n);
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
