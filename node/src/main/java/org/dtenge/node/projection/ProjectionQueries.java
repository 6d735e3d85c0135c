package org.dtenge.node.projection;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.dtenge.ledger.AccountKind;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;

/** The read side of the projections, on the reading connections. */
public final class ProjectionQueries {
    private final ProjectionDb db;

    public ProjectionQueries(ProjectionDb db) {
        this.db = db;
    }

    /**
     * Newest first, strictly before {@code beforeNanos}. An event and its policy legs share a time, so
     * a page never ends between them (it may then hold a few more than {@code limit}): the next page
     * starts before that time.
     *
     * <p>The uncommitted blocks are read first. Committed blocks are read only from before the oldest of
     * them: if the projection commits in between, SQLite then also holds them (and maybe newer ones),
     * and those must not appear twice.
     */
    public List<HistoryEntry> history(AccountId account, int limit, long beforeNanos) {
        List<Uncommitted.Block> pending = db.uncommitted().history(account);
        List<HistoryEntry> page = new ArrayList<>();
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (HistoryBlock.fill(pending.get(i).entries(), beforeNanos, limit, page)) {
                return page;
            }
        }
        long committedBefore = pending.isEmpty() ? beforeNanos : Math.min(beforeNanos, pending.getFirst().firstAt());
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT entries FROM history WHERE account_hi = ? AND account_lo = ?"
                    + " AND first_at_ns < ? ORDER BY first_at_ns DESC, first_part DESC")) {
                q.setLong(1, account.hi());
                q.setLong(2, account.lo());
                q.setLong(3, committedBefore);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        if (HistoryBlock.fill(r.getBytes(1), beforeNanos, limit, page)) {
                            break;
                        }
                    }
                }
            }
            return page;
        });
    }

    /** The payer's signature of payment {@code id}, applied at {@code atNanos}, and the order's expiry. */
    public Optional<Signature> signature(TransferId id, long atNanos) {
        try {
            return db.signatures().find(id, atNanos);
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "reading a payment's signature failed: " + e.getMessage()), e);
        }
    }

    /** A payment's signature and the order's expiry, as projected. */
    public record Signature(byte[] signature, long expiresAtMillis) {}

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
