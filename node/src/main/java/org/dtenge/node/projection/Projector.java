package org.dtenge.node.projection;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import org.dtenge.journal.BatchHeader;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.ParticipantRecord;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.chain.SignatureRecord;
import org.dtenge.node.events.NodeEvent;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.payment.Reference;

/**
 * Applies journal events to the projections database, one event at a time, inside the transaction
 * the worker opened; collects the events for the participants' streams, published after commit. Only
 * applied events (result OK) change anything: a refused event left no trace in the ledger either.
 */
final class Projector {
    private final Connection db;
    private final AccountDirectory directory;
    private final ParticipantRegistry registry;
    private final int dayOffsetSeconds;
    private final IntFunction<String> tierName;
    private final LongPredicate listening;
    private final List<NodeEvent> pending = new ArrayList<>();
    /** Daily groups touched in this transaction, written once each at commit rather than once per transfer. */
    private final Map<DailyKey, long[]> dailyTotals = new HashMap<>();
    private final Set<DailyWallet> dailyWallets = new HashSet<>();
    /** The payment whose signature went in with its transfer row, so that its RECORD need not update it. */
    private Optional<TransferId> signedWithRow = Optional.empty();
    private final PreparedStatement insertParticipant;
    private final PreparedStatement insertAccount;
    private final PreparedStatement updateStatus;
    private final PreparedStatement updateTier;
    private final PreparedStatement insertTransfer;
    private final PreparedStatement addSignature;
    private final PreparedStatement insertEntry;
    private final PreparedStatement upsertDaily;
    private final PreparedStatement insertDailyWallet;
    private final PreparedStatement savePosition;
    private final PreparedStatement findAccount;
    private Position position;
    private long transfers;

    /** A row of {@code daily}: what is summed per day, intermediary and category. */
    private record DailyKey(String day, long intermediary, String category) {}

    /** A row of {@code daily_wallets}. */
    private record DailyWallet(DailyKey group, long walletHi, long walletLo) {}

    Projector(Connection db, AccountDirectory directory, ParticipantRegistry registry, int dayOffsetSeconds,
              IntFunction<String> tierName, LongPredicate listening) throws SQLException {
        this.db = db;
        this.listening = listening;
        this.directory = directory;
        this.registry = registry;
        this.dayOffsetSeconds = dayOffsetSeconds;
        this.tierName = tierName;
        insertParticipant = db.prepareStatement("INSERT OR IGNORE INTO participants VALUES (?, ?, ?, ?, ?, ?)");
        insertAccount = db.prepareStatement("INSERT OR IGNORE INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)");
        updateStatus = db.prepareStatement("UPDATE accounts SET status = ? WHERE id_hi = ? AND id_lo = ?");
        updateTier = db.prepareStatement("UPDATE accounts SET tier = ? WHERE id_hi = ? AND id_lo = ?");
        insertTransfer = db.prepareStatement(
                "INSERT OR IGNORE INTO transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        addSignature = db.prepareStatement("UPDATE transfers SET signature = ?, expires_ms = ? WHERE id_hi = ? AND id_lo = ?");
        insertEntry = db.prepareStatement("INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        upsertDaily = db.prepareStatement("INSERT INTO daily VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, intermediary, category)"
                + " DO UPDATE SET count = count + excluded.count, volume = volume + excluded.volume");
        insertDailyWallet = db.prepareStatement("INSERT OR IGNORE INTO daily_wallets VALUES (?, ?, ?, ?, ?)");
        savePosition = db.prepareStatement("UPDATE position SET sequence = ?, next_index = ? WHERE id = 1");
        findAccount = db.prepareStatement("SELECT kind, intermediary, owner_key, asset FROM accounts WHERE id_hi = ? AND id_lo = ?");
        try (var s = db.createStatement(); ResultSet row = s.executeQuery("SELECT sequence, next_index FROM position")) {
            row.next();
            position = new Position(row.getLong(1), row.getInt(2));
        }
    }

    Position position() {
        return position;
    }

    long transfers() {
        return transfers;
    }

    /**
     * Applies the events of {@code events} (event i is event {@code firstIndex + i} of batch
     * {@code header}) that come at or after the position; the run must not start after it.
     */
    void apply(BatchHeader header, EventBatch events, Results results, int firstIndex) throws SQLException {
        for (int i = 0; i < events.count(); i++) {
            Position at = new Position(header.sequence(), firstIndex + i);
            int order = at.compareTo(position);
            if (order < 0) {
                continue;
            }
            if (order > 0) {
                throw new IllegalStateException("invariant broken: projection at " + position + " was handed " + at);
            }
            if (results.result(i) == Result.OK) {
                applyOne(header, events, i, firstIndex + i);
            }
            position = Position.after(header.sequence(), firstIndex + i, header.eventCount());
        }
    }

    /** Records the position in the transaction, commits, and hands back the stream events to publish. */
    List<NodeEvent> commit() throws SQLException {
        flushDaily();
        savePosition.setLong(1, position.sequence());
        savePosition.setInt(2, position.index());
        savePosition.executeUpdate();
        db.commit();
        List<NodeEvent> events = List.copyOf(pending);
        pending.clear();
        return events;
    }

    void rollback() throws SQLException {
        db.rollback();
        pending.clear();
        dailyTotals.clear();
        dailyWallets.clear();
    }

    private void flushDaily() throws SQLException {
        for (Map.Entry<DailyKey, long[]> total : dailyTotals.entrySet()) {
            upsertDaily.setString(1, total.getKey().day());
            upsertDaily.setLong(2, total.getKey().intermediary());
            upsertDaily.setString(3, total.getKey().category());
            upsertDaily.setLong(4, total.getValue()[0]);
            upsertDaily.setLong(5, total.getValue()[1]);
            upsertDaily.executeUpdate();
        }
        for (DailyWallet wallet : dailyWallets) {
            insertDailyWallet.setString(1, wallet.group().day());
            insertDailyWallet.setLong(2, wallet.group().intermediary());
            insertDailyWallet.setString(3, wallet.group().category());
            insertDailyWallet.setLong(4, wallet.walletHi());
            insertDailyWallet.setLong(5, wallet.walletLo());
            insertDailyWallet.executeUpdate();
        }
        dailyTotals.clear();
        dailyWallets.clear();
    }

    private void applyOne(BatchHeader header, EventBatch events, int i, int batchIndex) throws SQLException {
        ByteBuffer e = events.buffer();
        int base = i * Event.SIZE;
        long at = header.timestampNanos() + batchIndex;
        switch (EventType.of(events.type(i))) {
            case CREATE_ACCOUNT -> openAccount(e, base, at);
            case FREEZE_ACCOUNT -> status(e, base, at, 1, "wallet.frozen");
            case UNFREEZE_ACCOUNT -> status(e, base, at, 0, "wallet.unfrozen");
            case CLOSE_ACCOUNT -> status(e, base, at, 2, "wallet.closed");
            case CHANGE_TIER -> tier(e, base, at);
            case TRANSFER -> transfer(events, i, at, header.sequence(), batchIndex);
            case RECORD -> record(events, i, at);
            case CREATE_ASSET, CREATE_POLICY -> { } // the node reads assets and policies from the ledger
        }
    }

    private static AccountId id(ByteBuffer e, int offset) {
        return new AccountId(e.getLong(offset), e.getLong(offset + 8));
    }

    private void openAccount(ByteBuffer e, int base, long at) throws SQLException {
        AccountId id = id(e, base + Event.ID);
        byte[] key = new byte[Event.OWNER_KEY_SIZE];
        e.get(base + Event.OWNER_KEY, key);
        AccountKind kind = AccountKind.of(e.get(base + Event.KIND));
        long intermediary = e.getLong(base + Event.INTERMEDIARY);
        int tier = e.get(base + Event.TIER);
        int asset = e.getInt(base + Event.ASSET);
        insertAccount.setLong(1, id.hi());
        insertAccount.setLong(2, id.lo());
        insertAccount.setInt(3, kind.code);
        insertAccount.setLong(4, intermediary);
        insertAccount.setBytes(5, key);
        insertAccount.setInt(6, asset);
        insertAccount.setInt(7, tier);
        insertAccount.setLong(8, at);
        insertAccount.executeUpdate();
        directory.put(new AccountFacts(id, kind, intermediary, key, asset));
        notify(intermediary, "wallet.opened", at + "", Map.of("wallet", id.address(), "kind", kind.name().toLowerCase(
                java.util.Locale.ROOT), "tier", tierName.apply(tier), "at", instant(at)));
    }

    private void status(ByteBuffer e, int base, long at, int status, String type) throws SQLException {
        AccountId id = id(e, base + Event.ID);
        updateStatus.setInt(1, status);
        updateStatus.setLong(2, id.hi());
        updateStatus.setLong(3, id.lo());
        updateStatus.executeUpdate();
        AccountFacts account = facts(id);
        notify(account.intermediary(), type, at + "", Map.of("wallet", id.address(), "at", instant(at)));
    }

    private void tier(ByteBuffer e, int base, long at) throws SQLException {
        AccountId id = id(e, base + Event.ID);
        int tier = e.get(base + Event.TIER);
        updateTier.setInt(1, tier);
        updateTier.setLong(2, id.hi());
        updateTier.setLong(3, id.lo());
        updateTier.executeUpdate();
        notify(facts(id).intermediary(), "wallet.tier-changed", at + "",
                Map.of("wallet", id.address(), "tier", tierName.apply(tier), "at", instant(at)));
    }

    private void transfer(EventBatch events, int i, long at, long sequence, int batchIndex) throws SQLException {
        ByteBuffer e = events.buffer();
        int base = i * Event.SIZE;
        TransferId transfer = new TransferId(e.getLong(base + Event.ID), e.getLong(base + Event.ID + 8));
        AccountFacts debit = facts(id(e, base + Event.DEBIT));
        AccountFacts credit = facts(id(e, base + Event.CREDIT));
        long amount = e.getLong(base + Event.AMOUNT);
        int purpose = e.getInt(base + Event.PURPOSE);
        Reference reference = new Reference(e.getLong(base + Event.REFERENCE), e.getLong(base + Event.REFERENCE + 8));
        Category category = Category.of(debit, credit);
        insertTransfer.setLong(1, transfer.hi());
        insertTransfer.setLong(2, transfer.lo());
        insertTransfer.setLong(3, debit.id().hi());
        insertTransfer.setLong(4, debit.id().lo());
        insertTransfer.setLong(5, credit.id().hi());
        insertTransfer.setLong(6, credit.id().lo());
        insertTransfer.setLong(7, amount);
        insertTransfer.setInt(8, e.getInt(base + Event.ASSET));
        insertTransfer.setInt(9, purpose);
        insertTransfer.setLong(10, reference.hi());
        insertTransfer.setLong(11, reference.lo());
        insertTransfer.setLong(12, at);
        insertTransfer.setLong(13, sequence);
        insertTransfer.setInt(14, batchIndex);
        insertTransfer.setString(15, category.label);
        // A payment is TRANSFER (linked) + RECORD(signature): write the signature with the row, in one statement.
        Optional<SignatureRecord> signature = i + 1 < events.count() && RecordKind.of(events, i + 1)
                .filter(kind -> kind == RecordKind.PAYMENT_SIGNATURE).isPresent()
                ? SignatureRecord.decode(events, i + 1).filter(s -> s.payment().equals(transfer)) : Optional.empty();
        if (signature.isPresent()) {
            insertTransfer.setBytes(16, signature.get().signature());
            insertTransfer.setLong(17, signature.get().expiresAtMillis());
            signedWithRow = Optional.of(transfer);
        } else {
            insertTransfer.setNull(16, java.sql.Types.BLOB);
            insertTransfer.setNull(17, java.sql.Types.INTEGER);
        }
        insertTransfer.executeUpdate();
        transfers++;
        entry(debit.id(), at, transfer, -amount, credit.id());
        entry(credit.id(), at, transfer, amount, debit.id());
        daily(category, category.countedSide(debit, credit), at, amount);
        boolean toDebit = listening.test(debit.intermediary());
        boolean toCredit = listening.test(credit.intermediary());
        if (!toDebit && !toCredit) {
            return;
        }
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("payment", transfer.hex());
        common.put("amount", Tenge.format(amount));
        common.put("category", category.label);
        common.put("purpose", purpose);
        common.put("reference", reference.text());
        common.put("batch", sequence);
        common.put("at", instant(at));
        if (toDebit) {
            Map<String, Object> out = new LinkedHashMap<>(common);
            out.put("wallet", debit.id().address());
            out.put("counterparty", credit.id().address());
            notify(debit.intermediary(), "payment.outgoing", at + "-out", out);
        }
        if (toCredit) {
            Map<String, Object> in = new LinkedHashMap<>(common);
            in.put("wallet", credit.id().address());
            in.put("counterparty", debit.id().address());
            notify(credit.intermediary(), "payment.incoming", at + "-in", in);
        }
    }

    private void entry(AccountId account, long at, TransferId transfer, long amount, AccountId counterparty)
            throws SQLException {
        insertEntry.setLong(1, account.hi());
        insertEntry.setLong(2, account.lo());
        insertEntry.setLong(3, at);
        insertEntry.setLong(4, transfer.hi());
        insertEntry.setLong(5, transfer.lo());
        insertEntry.setLong(6, amount);
        insertEntry.setLong(7, counterparty.hi());
        insertEntry.setLong(8, counterparty.lo());
        insertEntry.executeUpdate();
    }

    private void daily(Category category, AccountFacts counted, long at, long amount) {
        DailyKey group = new DailyKey(day(at), counted.intermediary(), category.label);
        long[] total = dailyTotals.computeIfAbsent(group, k -> new long[2]);
        total[0]++;
        total[1] += amount;
        dailyWallets.add(new DailyWallet(group, counted.id().hi(), counted.id().lo()));
    }

    private void record(EventBatch events, int i, long at) throws SQLException {
        Optional<RecordKind> kind = RecordKind.of(events, i);
        if (kind.isEmpty()) {
            return; // a record of another component: not the node's to read
        }
        switch (kind.get()) {
            case PARTICIPANT -> {
                Optional<Participant> decoded = ParticipantRecord.decode(events, i);
                if (decoded.isPresent() && registry.add(decoded.get())) {
                    Participant p = decoded.get();
                    insertParticipant.setLong(1, p.code());
                    insertParticipant.setString(2, p.id());
                    insertParticipant.setString(3, p.name());
                    insertParticipant.setInt(4, p.role().code);
                    insertParticipant.setBytes(5, p.publicKey());
                    insertParticipant.setLong(6, at);
                    insertParticipant.executeUpdate();
                }
            }
            case PAYMENT_SIGNATURE -> {
                Optional<SignatureRecord> signature = SignatureRecord.decode(events, i);
                if (signature.isPresent() && signedWithRow.equals(Optional.of(signature.get().payment()))) {
                    signedWithRow = Optional.empty(); // written with its transfer row
                } else if (signature.isPresent()) {
                    addSignature.setBytes(1, signature.get().signature());
                    addSignature.setLong(2, signature.get().expiresAtMillis());
                    addSignature.setLong(3, signature.get().payment().hi());
                    addSignature.setLong(4, signature.get().payment().lo());
                    addSignature.executeUpdate();
                }
            }
        }
    }

    /** An account's facts: every account a transfer names was opened, and so projected, before it. */
    private AccountFacts facts(AccountId id) throws SQLException {
        Optional<AccountFacts> known = directory.known(id);
        if (known.isPresent()) {
            return known.get();
        }
        findAccount.setLong(1, id.hi());
        findAccount.setLong(2, id.lo());
        try (ResultSet row = findAccount.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("invariant broken: applied event names account " + id + ", never opened");
            }
            AccountFacts facts = new AccountFacts(id, AccountKind.of(row.getInt(1)), row.getLong(2), row.getBytes(3), row.getInt(4));
            directory.put(facts);
            return facts;
        }
    }

    private void notify(long recipient, String type, String id, Map<String, Object> data) {
        if (!listening.test(recipient)) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.putAll(data);
        pending.add(new NodeEvent(recipient, type, id, body));
    }

    /** The ledger day (its time zone, as for daily limits) of a timestamp, as an ISO date. */
    String day(long atNanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(atNanos, 1_000_000_000L) + dayOffsetSeconds, 86_400L)).toString();
    }

    private static String instant(long atNanos) {
        return Instant.ofEpochSecond(0, atNanos).toString();
    }
}
