package org.dtenge.node.projection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.dtenge.ledger.AccountKind;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.payment.Reference;

/** The read side of the projections, on the reading connections. */
public final class ProjectionQueries {
    private final ProjectionDb db;

    public ProjectionQueries(ProjectionDb db) {
        this.db = db;
    }

    private static final String HISTORY = "SELECT e.at_ns, e.transfer_hi, e.transfer_lo, e.amount,"
            + " e.counterparty_hi, e.counterparty_lo, t.category, t.purpose, t.reference_hi, t.reference_lo, t.batch, e.part"
            + " FROM entries e JOIN transfers t ON t.id_hi = e.transfer_hi AND t.id_lo = e.transfer_lo"
            + " WHERE e.account_hi = ? AND e.account_lo = ? ";

    /**
     * Newest first, strictly before {@code beforeNanos}. An event and its policy legs share a time, so
     * a page never ends between them (it may then hold a few more than {@code limit}): the next page
     * starts before that time.
     */
    public List<HistoryEntry> history(AccountId account, int limit, long beforeNanos) {
        return db.read(c -> {
            List<HistoryEntry> entries = new ArrayList<>();
            long lastAt = 0;
            int lastPart = 0;
            try (PreparedStatement q = c.prepareStatement(HISTORY + "AND e.at_ns < ? ORDER BY e.at_ns DESC, e.part DESC LIMIT ?")) {
                q.setLong(1, account.hi());
                q.setLong(2, account.lo());
                q.setLong(3, beforeNanos);
                q.setInt(4, limit);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        entries.add(entry(r));
                        lastAt = r.getLong(1);
                        lastPart = r.getInt(12);
                    }
                }
            }
            if (entries.size() == limit && lastPart > 0) {
                try (PreparedStatement q = c.prepareStatement(HISTORY + "AND e.at_ns = ? AND e.part < ? ORDER BY e.part DESC")) {
                    q.setLong(1, account.hi());
                    q.setLong(2, account.lo());
                    q.setLong(3, lastAt);
                    q.setInt(4, lastPart);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            entries.add(entry(r));
                        }
                    }
                }
            }
            return entries;
        });
    }

    private static HistoryEntry entry(ResultSet r) throws SQLException {
        return new HistoryEntry(r.getLong(1), new TransferId(r.getLong(2), r.getLong(3)), r.getLong(4),
                new AccountId(r.getLong(5), r.getLong(6)), r.getString(7), r.getInt(8),
                new Reference(r.getLong(9), r.getLong(10)), r.getLong(11));
    }

    public Optional<TransferRow> transfer(TransferId id) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT debit_hi, debit_lo, credit_hi, credit_lo, amount, asset,"
                    + " purpose, reference_hi, reference_lo, at_ns, batch, event_index, category, signature, expires_ms"
                    + " FROM transfers WHERE id_hi = ? AND id_lo = ?")) {
                q.setLong(1, id.hi());
                q.setLong(2, id.lo());
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    long expires = r.getLong(15);
                    Optional<Long> expiresAt = r.wasNull() ? Optional.empty() : Optional.of(expires);
                    return Optional.of(new TransferRow(id, new AccountId(r.getLong(1), r.getLong(2)),
                            new AccountId(r.getLong(3), r.getLong(4)), r.getLong(5), r.getInt(6), r.getInt(7),
                            new Reference(r.getLong(8), r.getLong(9)), r.getLong(10), r.getLong(11), r.getInt(12),
                            r.getString(13), Optional.ofNullable(r.getBytes(14)), expiresAt));
                }
            }
        });
    }

    /**
     * Daily groups from {@code fromDay} to {@code toDay} (ISO dates, inclusive), of one intermediary or
     * of all; groups of fewer than {@code groupMin} distinct wallets are left out, so that no answer
     * can single out a person.
     */
    public List<StatisticsRow> statistics(String fromDay, String toDay, OptionalLong intermediary, int groupMin) {
        return db.read(c -> {
            String sql = "SELECT d.day, d.intermediary, d.category, d.count, d.volume, (SELECT COUNT(*) FROM daily_wallets w"
                    + " WHERE w.day = d.day AND w.intermediary = d.intermediary AND w.category = d.category) AS wallets"
                    + " FROM daily d WHERE d.day >= ? AND d.day <= ?" + (intermediary.isPresent() ? " AND d.intermediary = ?" : "")
                    + " ORDER BY d.day, d.intermediary, d.category";
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, fromDay);
                q.setString(2, toDay);
                if (intermediary.isPresent()) {
                    q.setLong(3, intermediary.getAsLong());
                }
                List<StatisticsRow> rows = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        StatisticsRow row = new StatisticsRow(r.getString(1), r.getLong(2), r.getString(3), r.getLong(4),
                                r.getLong(5), r.getLong(6));
                        if (row.wallets() >= groupMin) {
                            rows.add(row);
                        }
                    }
                }
                return rows;
            }
        });
    }

    /** Every registration in journal order, to fill the registry at start. */
    public List<Participant> participants() {
        return db.read(c -> {
            List<Participant> all = new ArrayList<>();
            try (var s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, code, name, role, public_key FROM participants ORDER BY registered_ns")) {
                while (r.next()) {
                    all.add(new Participant(r.getString(1), r.getLong(2), r.getString(3),
                            Role.ofCode(r.getInt(4)).orElseThrow(), r.getBytes(5)));
                }
            }
            return all;
        });
    }

    /** Every account's facts, to fill the directory at start. */
    public void accounts(Consumer<AccountFacts> into) {
        db.read(c -> {
            try (var s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id_hi, id_lo, kind, intermediary, owner_key, asset FROM accounts")) {
                while (r.next()) {
                    into.accept(new AccountFacts(new AccountId(r.getLong(1), r.getLong(2)), AccountKind.of(r.getInt(3)),
                            r.getLong(4), r.getBytes(5), r.getInt(6)));
                }
            }
            return null;
        });
    }
}
