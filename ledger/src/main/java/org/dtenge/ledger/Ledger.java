package org.dtenge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ledger state machine: {@code apply(batch) -> one result per event}. Pure and deterministic: no
 * I/O, no clock (time is the batch's timestamp), no threads, no randomness. The same batches in the
 * same order give the same state and the same results on any machine, which is what replay, replicas,
 * audits and simulation rest on.
 *
 * <p>Not thread-safe: one thread (the sequencer) applies batches and reads lookups. In steady state,
 * {@link #apply} allocates nothing.
 */
public final class Ledger {
    /** Kazakhstan's time zone (UTC+5 since 2024): ledger days for daily limits begin at its midnight. */
    public static final int DAY_OFFSET_KAZAKHSTAN_SECONDS = 5 * 3600;

    private final State state;
    private final PolicyTemplates templates;
    private final Movements movements;
    private final AccountRules rules;

    /** A ledger for the digital tenge profile with built-in policies and small initial tables. */
    public Ledger() {
        this(new Config(1024, 1024, DAY_OFFSET_KAZAKHSTAN_SECONDS), new BuiltInPolicies());
    }

    public Ledger(Config config, PolicyTemplates templates) {
        this.state = new State(config.accountsExpected, config.transfersExpected, config.dayOffsetSeconds);
        this.templates = templates;
        // A new ledger has seen no records: templates with state start empty (a recovery that falls
        // back from a damaged snapshot to genesis must not keep what the snapshot had restored).
        Check.that(templates.restore(new byte[0]), "policy templates accept the empty state");
        this.movements = new Movements(state);
        this.rules = new AccountRules(state, templates);
    }

    /**
     * Sizing and time zone. Tables grow when full, but growing copies them on the sequencer thread, so
     * size them for the expected load.
     *
     * @param dayOffsetSeconds the ledger's time zone as an offset from UTC, for daily limits
     */
    public record Config(int accountsExpected, int transfersExpected, int dayOffsetSeconds) {
        public Config {
            Check.argument(accountsExpected >= 0 && transfersExpected >= 0, "sizes must not be negative");
            Check.argument(Math.abs(dayOffsetSeconds) <= 14 * 3600, "day offset must be within +-14 hours");
        }
    }

    State state() {
        return state;
    }

    PolicyTemplates templates() {
        return templates;
    }

    /** Applies a batch and writes one result per event into {@code results}. */
    public void apply(EventBatch batch, Results results) {
        long batchTimestamp = batch.timestampNanos();
        int count = batch.count();
        Check.argument(batchTimestamp > state.lastTimestampNanos, "batch timestamps must increase");
        Check.argument(batchTimestamp <= Long.MAX_VALUE - count, "batch timestamp overflows");
        Check.that(state.undo.size() == 0, "no chain is open between batches");
        movements.expire(batchTimestamp);
        results.reset(count);
        ByteBuffer events = batch.buffer();
        int openChainStart = openChainStart(batch);
        int chainStart = -1;
        boolean chainFailed = false;
        for (int i = 0; i < count; i++) {
            int base = i * Event.SIZE;
            boolean linked = (events.getShort(base + Event.FLAGS) & Event.LINKED) != 0;
            if (i >= openChainStart) {
                results.set(i, i == count - 1 ? Result.LINKED_EVENT_CHAIN_OPEN : Result.LINKED_EVENT_FAILED, 0);
                continue;
            }
            if (chainStart < 0 && linked) {
                chainStart = i;
            }
            if (chainFailed) {
                results.set(i, Result.LINKED_EVENT_FAILED, 0);
            } else {
                movements.reason = 0;
                movements.legsApplied = 0;
                state.undoing = chainStart >= 0;
                Result result = applyOne(events, base, batchTimestamp + i);
                if (result == Result.OK) {
                    results.setApplied(i, movements.legsApplied);
                } else {
                    state.undo.rollback(state.accounts, state.transfers);
                    movements.abandonChain();
                    results.set(i, result, result == Result.POLICY_REJECTED ? movements.reason : 0);
                    if (chainStart >= 0) {
                        chainFailed = true;
                        for (int j = chainStart; j < i; j++) {
                            results.set(j, Result.LINKED_EVENT_FAILED, 0);
                        }
                    }
                }
            }
            if (!linked) {
                if (!chainFailed) {
                    movements.commitChain();
                }
                state.undo.clear();
                chainStart = -1;
                chainFailed = false;
            }
        }
        state.undo.clear();
        state.lastTimestampNanos = batchTimestamp + count - 1;
        state.batchCount++;
    }

    /** Where a chain left open by the batch's last event starts, or the count when there is none. */
    private static int openChainStart(EventBatch batch) {
        int count = batch.count();
        if (count == 0 || (batch.flags(count - 1) & Event.LINKED) == 0) {
            return count;
        }
        int start = count - 1;
        while (start > 0 && (batch.flags(start - 1) & Event.LINKED) != 0) {
            start--;
        }
        return start;
    }

    private Result applyOne(ByteBuffer events, int base, long timestampNanos) {
        int type = events.get(base + Event.TYPE);
        if (!EventType.isValid(type)) {
            return Result.UNKNOWN_EVENT_TYPE;
        }
        EventType eventType = EventType.of(type);
        return switch (eventType) {
            case TRANSFER -> movements.transfer(events, base, timestampNanos);
            case CREATE_ACCOUNT -> rules.createAccount(events, base, timestampNanos);
            case FREEZE_ACCOUNT, UNFREEZE_ACCOUNT, CLOSE_ACCOUNT -> rules.changeStatus(eventType, events, base);
            case CHANGE_TIER -> rules.changeTier(events, base, timestampNanos);
            case CREATE_ASSET -> rules.createAsset(events, base);
            case CREATE_POLICY -> rules.createPolicy(events, base);
            case RECORD -> record(events, base, timestampNanos);
        };
    }

    /** A RECORD changes nothing in the ledger; the policy templates see it (their state is journaled). */
    private Result record(ByteBuffer events, int base, long timestampNanos) {
        if (events.getShort(base + Event.FLAGS) != 0) {
            return Result.UNKNOWN_FLAGS; // so never linked: a record is never rolled back
        }
        templates.onRecord(events, base + Event.RECORD_PAYLOAD, timestampNanos);
        return Result.OK;
    }

    /**
     * Takes the state at this batch boundary for a snapshot. Copies the account columns (about 140
     * bytes per account) and the hold states; the rest is shared. The image may then be encoded on any
     * thread while this ledger goes on applying batches.
     */
    public LedgerImage capture() {
        Check.that(state.undo.size() == 0, "capture only between batches");
        return LedgerImage.of(state, templates.capture());
    }

    /** Rebuilds a ledger from {@link LedgerImage#writeTo}'s bytes. */
    public static Ledger restore(ReadableByteChannel channel, PolicyTemplates templates) throws IOException {
        return new ImageReader(channel).read(templates);
    }

    /** SHA-256 of the canonical encoding of the state: equal digests mean byte-for-byte equal ledgers. */
    public byte[] stateDigest() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try {
            capture().writeTo(new DigestChannel(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("a digest channel does no I/O", e);
        }
        return sha256.digest();
    }

    /** A channel that only feeds a digest: lets {@link #stateDigest} hash without I/O. */
    private record DigestChannel(MessageDigest digest) implements WritableByteChannel {
        @Override
        public int write(ByteBuffer source) {
            int n = source.remaining();
            digest.update(source);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** The ledger day (days since the epoch in the ledger's time zone) of a timestamp. */
    public int day(long timestampNanos) {
        return state.day(timestampNanos);
    }

    /** Timestamp of the last event applied (0 before the first batch). */
    public long lastTimestampNanos() {
        return state.lastTimestampNanos;
    }

    /** Number of batches applied since genesis. */
    public long batchCount() {
        return state.batchCount;
    }

    public int accountCount() {
        return state.accounts.count;
    }

    public int transferCount() {
        return state.transfers.count;
    }

    /** Open holds with a timeout, waiting to expire (some may since have settled). */
    public int expiryQueueSize() {
        return state.expiries.size();
    }

    /** Approximate heap bytes held by the account table, index included. */
    public long accountTableBytes() {
        return state.accounts.bytes();
    }

    public Optional<Account> account(long idHi, long idLo) {
        int slot = state.accounts.find(idHi, idLo);
        return slot < 0 ? Optional.empty() : Optional.of(accountAt(slot));
    }

    /** The account in creation order {@code slot} (0-based), for audits that walk every account. */
    public Account accountAt(int slot) {
        AccountTable a = state.accounts;
        if (slot < 0 || slot >= a.count) {
            throw new IllegalArgumentException("no account at slot " + slot);
        }
        int policy = a.policy(slot);
        byte[] key = Arrays.copyOfRange(a.ownerKey, slot * Event.OWNER_KEY_SIZE, (slot + 1) * Event.OWNER_KEY_SIZE);
        return new Account(a.idHi(slot), a.idLo(slot), a.asset(slot), AccountKind.of(a.kind(slot)),
                a.intermediary[slot], key, a.tier(slot), a.holdingLimit(slot), a.paymentLimit(slot),
                a.dailyLimit(slot), AccountStatus.of(a.status(slot)), a.balance(slot), a.held(slot),
                a.outflowToday(slot), a.outflowDay(slot), policy == 0 ? 0 : state.policies.id[policy - 1],
                a.timestamp[slot]);
    }

    public Optional<Transfer> transfer(long idHi, long idLo) {
        int slot = state.transfers.find(idHi, idLo);
        return slot < 0 ? Optional.empty() : Optional.of(transferAt(slot));
    }

    /** The transfer applied {@code slot}-th (0-based), legs included. */
    public Transfer transferAt(int slot) {
        TransferTable t = state.transfers;
        AccountTable a = state.accounts;
        if (slot < 0 || slot >= t.count) {
            throw new IllegalArgumentException("no transfer at slot " + slot);
        }
        int link = t.link[slot];
        boolean settles = (t.flags[slot] & (Event.POST_PENDING | Event.VOID_PENDING)) != 0;
        long pendingHi = settles ? t.idHi(link) : 0;
        long pendingLo = settles ? t.idLo(link) : 0;
        long parentHi = !settles && link >= 0 ? t.idHi(link) : 0;
        long parentLo = !settles && link >= 0 ? t.idLo(link) : 0;
        return new Transfer(t.idHi(slot), t.idLo(slot), a.idHi(t.debit[slot]), a.idLo(t.debit[slot]),
                a.idHi(t.credit[slot]), a.idLo(t.credit[slot]), t.amount[slot], t.asset[slot],
                t.flags[slot] & 0xFFFF, pendingHi, pendingLo, parentHi, parentLo, t.referenceHi[slot],
                t.referenceLo[slot], t.purpose[slot], t.timeoutSeconds[slot], t.timestamp[slot],
                HoldState.of(t.holdState[slot]));
    }

    public Optional<Asset> asset(int id) {
        AssetTable assets = state.assets;
        int slot = assets.find(id);
        return slot < 0 ? Optional.empty() : Optional.of(new Asset(assets.id[slot],
                AssetTable.codeText(assets.code[slot]), assets.scale[slot], assets.issuerHi[slot],
                assets.issuerLo[slot]));
    }

    public int assetCount() {
        return state.assets.count;
    }

    /** The asset created {@code slot}-th (0-based). */
    public Asset assetAt(int slot) {
        Check.argument(slot >= 0 && slot < state.assets.count, "no asset at slot " + slot);
        return asset(state.assets.id[slot]).orElseThrow();
    }

    /** The ids of a policy leg derived from its parent transfer's id and its position. */
    public static long legIdHi(long parentHi, int leg) {
        return Movements.legIdHi(parentHi, leg);
    }

    public static long legIdLo(long parentLo, int leg) {
        return Movements.legIdLo(parentLo, leg);
    }
}
