package org.dtenge.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads the encoding of {@link LedgerImage} back into a live {@link State}: columns are filled,
 * indexes and the expiry queue rebuilt. A malformed image fails with an {@link IOException} that says
 * what was wrong; the caller (snapshot recovery) then falls back to an older snapshot or to replay.
 */
final class ImageReader {
    private final ReadableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    ImageReader(ReadableByteChannel channel) {
        this.channel = channel;
        buffer.limit(0);
    }

    private void need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("ledger image ends early");
            }
        }
        buffer.flip();
    }

    private int getInt() throws IOException {
        need(4);
        return buffer.getInt();
    }

    private long getLong() throws IOException {
        need(8);
        return buffer.getLong();
    }

    private byte getByte() throws IOException {
        need(1);
        return buffer.get();
    }

    private void longs(long[] into, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            into[i] = getLong();
        }
    }

    private void ints(int[] into, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            into[i] = getInt();
        }
    }

    private void shorts(short[] into, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            need(2);
            into[i] = buffer.getShort();
        }
    }

    private void bytes(byte[] into, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            into[i] = getByte();
        }
    }

    private int count(String what) throws IOException {
        int n = getInt();
        if (n < 0) {
            throw new IOException("ledger image has a negative " + what + " count: " + n);
        }
        return n;
    }

    Ledger read(PolicyTemplates templates) throws IOException {
        if (getInt() != LedgerImage.MAGIC) {
            throw new IOException("not a ledger image (bad magic)");
        }
        int version = getInt();
        if (version != LedgerImage.VERSION && version != LedgerImage.VERSION_WITH_TEMPLATE_STATE) {
            throw new IOException("ledger image version " + version + " is not supported");
        }
        int dayOffset = getInt();
        long lastTimestamp = getLong();
        long batchCount = getLong();
        int assetCount = count("asset");
        long[][] assetRows = new long[assetCount][];
        for (int i = 0; i < assetCount; i++) {
            assetRows[i] = new long[] {getInt(), getLong(), getByte(), getLong(), getLong()};
        }
        int policyCount = count("policy");
        int[][] policyIds = new int[policyCount][];
        long[][] policyParams = new long[policyCount][];
        for (int i = 0; i < policyCount; i++) {
            policyIds[i] = new int[] {getInt(), getInt()};
            policyParams[i] = new long[Event.POLICY_PARAMS_MAX];
            longs(policyParams[i], Event.POLICY_PARAMS_MAX);
        }
        byte[] templateState = new byte[version == LedgerImage.VERSION ? 0 : count("template state byte")];
        bytes(templateState, templateState.length);
        int accountCount = count("account");
        Ledger ledger;
        try {
            ledger = new Ledger(new Ledger.Config(accountCount + 1024, 1024, dayOffset), templates);
        } catch (IllegalArgumentException e) {
            throw new IOException("ledger image has an invalid configuration: " + e.getMessage(), e);
        }
        if (!templates.restore(templateState)) { // after the ledger, which starts its templates empty
            throw new IOException("ledger image has policy template state that these templates do not read");
        }
        State state = ledger.state();
        state.lastTimestampNanos = lastTimestamp;
        state.batchCount = batchCount;
        for (long[] row : assetRows) {
            state.assets.add((int) row[0], row[1], (int) row[2], row[3], row[4]);
        }
        for (int i = 0; i < policyCount; i++) {
            restorePolicy(state, templates, policyIds[i][0], policyIds[i][1], policyParams[i]);
        }
        readAccounts(state.accounts, accountCount);
        int transferCount = count("transfer");
        readTransfers(state, transferCount);
        return ledger;
    }

    private static void restorePolicy(State state, PolicyTemplates templates, int id, int template,
                                      long[] params) throws IOException {
        switch (templates.create(template, params.clone())) {
            case PolicyTemplates.Created created -> state.policies.add(id, template, params, created.policy());
            case PolicyTemplates.UnknownTemplate unknown ->
                    throw new IOException("policy " + id + " uses template " + template + " that this node does not know");
            case PolicyTemplates.InvalidParameters invalid ->
                    throw new IOException("policy " + id + " has parameters its template refuses: " + invalid.why());
        }
    }

    private void readAccounts(AccountTable a, int n) throws IOException {
        if (a.capacity() < n) {
            a.grow(n);
        }
        a.count = n;
        long[] column = new long[n];
        wordColumn(a, n, AccountTable.ID_HI, column);
        wordColumn(a, n, AccountTable.ID_LO, column);
        int[] assets = new int[n];
        ints(assets, n);
        byte[] kinds = new byte[n];
        byte[] statuses = new byte[n];
        byte[] tiers = new byte[n];
        bytes(kinds, n);
        bytes(statuses, n);
        bytes(tiers, n);
        for (int slot = 0; slot < n; slot++) {
            a.setMeta(slot, assets[slot], kinds[slot] & 0xFF, statuses[slot] & 0xFF, tiers[slot] & 0xFF);
        }
        longs(a.intermediary, n);
        bytes(a.ownerKey, n * Event.OWNER_KEY_SIZE);
        long[] holding = new long[n];
        long[] payment = new long[n];
        long[] daily = new long[n];
        longs(holding, n);
        longs(payment, n);
        longs(daily, n);
        for (int slot = 0; slot < n; slot++) {
            a.setLimits(slot, holding[slot], payment[slot], daily[slot]);
        }
        wordColumn(a, n, AccountTable.BALANCE, column);
        wordColumn(a, n, AccountTable.HELD, column);
        wordColumn(a, n, AccountTable.OUTFLOW, column);
        int[] days = new int[n];
        int[] policies = new int[n];
        ints(days, n);
        ints(policies, n);
        for (int slot = 0; slot < n; slot++) {
            a.setDayPolicy(slot, days[slot], policies[slot]);
        }
        longs(a.timestamp, n);
        for (int slot = 0; slot < n; slot++) {
            if (a.find(a.idHi(slot), a.idLo(slot)) >= 0) {
                throw new IOException("ledger image repeats account slot " + slot);
            }
            a.index.insert(slot, a.hot);
        }
    }

    /** Reads one column of longs into word {@code word} of every account record. */
    private void wordColumn(AccountTable a, int n, int word, long[] scratch) throws IOException {
        longs(scratch, n);
        for (int slot = 0; slot < n; slot++) {
            a.hot[AccountTable.at(slot) + word] = scratch[slot];
        }
    }

    private void readTransfers(State state, int n) throws IOException {
        TransferTable t = state.transfers;
        if (t.capacity() < n) {
            t.grow(n + (n >> 3) + 1024);
        }
        t.count = n;
        long[] column = new long[n];
        longs(column, n);
        for (int slot = 0; slot < n; slot++) {
            t.ids[2 * slot] = column[slot];
        }
        longs(column, n);
        for (int slot = 0; slot < n; slot++) {
            t.ids[2 * slot + 1] = column[slot];
        }
        ints(t.debit, n);
        ints(t.credit, n);
        longs(t.amount, n);
        ints(t.asset, n);
        shorts(t.flags, n);
        longs(t.referenceHi, n);
        longs(t.referenceLo, n);
        ints(t.purpose, n);
        ints(t.timeoutSeconds, n);
        longs(t.timestamp, n);
        bytes(t.holdState, n);
        ints(t.link, n);
        for (int slot = 0; slot < n; slot++) {
            if (t.find(t.idHi(slot), t.idLo(slot)) >= 0) {
                throw new IOException("ledger image repeats transfer slot " + slot);
            }
            t.index.insert(slot, t.ids);
            if (t.holdState[slot] == HoldState.PENDING.ordinal() && t.timeoutSeconds[slot] > 0) {
                state.expiries.push(Movements.expiresAt(t.timestamp[slot], t.timeoutSeconds[slot]), slot);
            }
        }
    }
}
