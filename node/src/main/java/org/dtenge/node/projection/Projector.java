package org.dtenge.node.projection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import org.dtenge.journal.BatchHeader;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.ParticipantRecord;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.chain.SignatureRecord;
import org.dtenge.node.events.NodeEvent;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;

/**
 * Applies journal events to the projections database, one event at a time, inside the transaction
 * the worker opened; collects the events for the participants' streams, published after each apply. Only
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
    private final PreparedStatement insertParticipant;
    private final PreparedStatement insertAccount;
    private final PreparedStatement updateStatus;
    private final PreparedStatement updateTier;
    private final PreparedStatement savePosition;
    private final PreparedStatement findAccount;
    private final TransferProjector transfers;
    private final LedgerTransfers ledgerTransfers;
    private final SignatureLog signatures;
    private Position position;
    private long lastEpochDay = Long.MIN_VALUE;
    private String lastDay = "";

    Projector(Connection db, Uncommitted uncommitted, SignatureLog signatures, AccountDirectory directory,
              ParticipantRegistry registry, int dayOffsetSeconds, IntFunction<String> tierName, LongPredicate listening,
              LedgerTransfers ledgerTransfers) throws SQLException {
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
        savePosition = db.prepareStatement("UPDATE position SET sequence = ?, next_index = ?, signatures = ? WHERE id = 1");
        findAccount = db.prepareStatement("SELECT kind, intermediary, owner_key, asset FROM accounts WHERE id_hi = ? AND id_lo = ?");
        this.ledgerTransfers = ledgerTransfers;
        this.signatures = signatures;
        transfers = new TransferProjector(db, uncommitted, signatures, this::facts, ledgerTransfers, listening, this::notify,
                this::day);
        try (var s = db.createStatement(); ResultSet row = s.executeQuery("SELECT sequence, next_index FROM position")) {
            row.next();
            position = new Position(row.getLong(1), row.getInt(2));
        }
    }

    Position position() {
        return position;
    }

    /** Movements of money projected since start (transfers, posts and policy legs). */
    long transfers() {
        return transfers.movements();
    }

    /**
     * Applies the events of {@code events} (event i is event {@code firstIndex + i} of batch
     * {@code header}) that come at or after the position; the run must not start after it.
     */
    void apply(BatchHeader header, EventBatch events, Results results, int firstIndex) throws SQLException, IOException {
        // The first event not applied yet: before it, the run repeats what an earlier one applied.
        int from = position.sequence() > header.sequence() ? events.count()
                : position.sequence() < header.sequence() ? 0 : Math.clamp(position.index() - firstIndex, 0, events.count());
        transfers.prefetch(events, results, from);
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
                applyOne(header, events, i, firstIndex + i, results.legs(i));
            }
            position = Position.after(header.sequence(), firstIndex + i, header.eventCount());
        }
    }

    /**
     * Shows readers the history applied so far (before it is committed) and hands back the stream
     * events it makes, to publish: a participant told of a payment can read it at once.
     */
    List<NodeEvent> publish() throws IOException {
        transfers.publish();
        signatures.publish();
        List<NodeEvent> events = List.copyOf(pending);
        pending.clear();
        return events;
    }

    /** Records the position in the transaction, commits, and hands back the stream events not yet published. */
    List<NodeEvent> commit() throws SQLException, IOException {
        transfers.flush();
        signatures.force(); // before the commit that counts its records
        savePosition.setLong(1, position.sequence());
        savePosition.setInt(2, position.index());
        savePosition.setLong(3, signatures.records());
        savePosition.executeUpdate();
        db.commit();
        signatures.committed();
        List<NodeEvent> events = List.copyOf(pending);
        pending.clear();
        return events;
    }

    void rollback() throws SQLException, IOException {
        db.rollback();
        pending.clear();
        transfers.clear();
        signatures.rollback();
    }

    private void applyOne(BatchHeader header, EventBatch events, int i, int batchIndex, int legs) throws SQLException, IOException {
        ByteBuffer e = events.buffer();
        int base = i * Event.SIZE;
        long at = header.timestampNanos() + batchIndex;
        switch (EventType.of(events.type(i))) {
            case CREATE_ACCOUNT -> openAccount(e, base, at);
            case FREEZE_ACCOUNT -> status(e, base, at, 1, "wallet.frozen");
            case UNFREEZE_ACCOUNT -> status(e, base, at, 0, "wallet.unfrozen");
            case CLOSE_ACCOUNT -> status(e, base, at, 2, "wallet.closed");
            case CHANGE_TIER -> tier(e, base, at);
            case TRANSFER -> transfers.apply(events, i, legs, at, header.sequence());
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

    private void record(EventBatch events, int i, long at) throws SQLException, IOException {
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
                if (signature.isPresent() && !transfers.tookSignature(signature.get().payment())) {
                    TransferId payment = signature.get().payment();
                    Optional<Transfer> signed = ledgerTransfers.find(payment); // its time keys the row
                    if (signed.isPresent()) {
                        transfers.insertSignature(signed.get().timestampNanos(), payment, signature.get());
                    }
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
        long epochDay = Math.floorDiv(Math.floorDiv(atNanos, 1_000_000_000L) + dayOffsetSeconds, 86_400L);
        if (epochDay != lastEpochDay) { // nearly every transfer falls on the same day as the one before it
            lastDay = LocalDate.ofEpochDay(epochDay).toString();
            lastEpochDay = epochDay;
        }
        return lastDay;
    }

    private static String instant(long atNanos) {
        return Instant.ofEpochSecond(0, atNanos).toString();
    }
}
