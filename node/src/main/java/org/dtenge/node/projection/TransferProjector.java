package org.dtenge.node.projection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.chain.SignatureRecord;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * Projects applied TRANSFER events, by phase. A single-phase transfer moves money: an entry in the
 * history of each side, the daily group, and the payer's signature when it was a payment. A hold moves
 * no money and adds nothing (the ledger holds it, by id); a post moves the posted amount (the whole hold
 * when the event's amount is 0) between the hold's accounts; a void adds nothing. After an event that
 * moved money come its policy legs, which the ledger applied with it: the result says how many, their
 * ids derive from the event's, and their amounts (computed by the policy) are read from the ledger.
 */
final class TransferProjector {
    private static final int OPEN_HOLDS_MAX = 200_000;
    /** Writes a stream event for a participant, if it listens. */
    interface Notifier {
        void notify(long recipient, String type, String id, Map<String, Object> data);
    }

    /** Looks up an account's facts (the directory, else the accounts table). */
    interface Accounts {
        AccountFacts facts(AccountId id) throws SQLException;
    }

    private record DailyKey(String day, long intermediary, String category) {}

    private record DailyWallet(DailyKey group, long walletHi, long walletLo) {}

    /** What one row of {@code transfers} holds. */
    private record Row(TransferId id, AccountFacts debit, AccountFacts credit, long amount, int asset, int purpose,
                       Reference reference, String phase, Optional<TransferId> related) {}

    private final Accounts accounts;
    private final LedgerTransfers ledgerTransfers;
    /** What {@link #prefetch} read from the ledger for the submission being applied. */
    private Map<TransferId, Transfer> prefetched = Map.of();
    private final LongPredicate listening;
    private final Notifier notifier;
    private final LongFunction<String> day;
    private final SignatureLog signatures;
    private final HistoryBlocks history;
    private final PreparedStatement upsertDaily;
    private final PreparedStatement insertDailyWallet;
    /**
     * Holds projected and not yet settled, the most recent {@value #OPEN_HOLDS_MAX}: a post or void finds
     * its hold here instead of asking the ledger, a round trip through the sequencer (a card's completion
     * follows its authorization within seconds). What the ledger holds of a hold never changes, so an
     * entry left by a transaction rolled back is still right.
     */
    private final Map<TransferId, Row> openHolds = new LinkedHashMap<>(1_024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TransferId, Row> eldest) {
            return size() > OPEN_HOLDS_MAX;
        }
    };
    private final Map<DailyKey, long[]> dailyTotals = new HashMap<>();
    private final Set<DailyWallet> dailyWallets = new HashSet<>();
    /** The payment whose signature was written when its transfer was projected, so that its RECORD adds nothing. */
    private Optional<TransferId> signedWithRow = Optional.empty();
    private long movements;

    TransferProjector(Connection db, Uncommitted uncommitted, SignatureLog signatures, Accounts accounts,
                      LedgerTransfers ledgerTransfers, LongPredicate listening, Notifier notifier, LongFunction<String> day) throws SQLException {
        this.signatures = signatures;
        this.accounts = accounts;
        this.ledgerTransfers = ledgerTransfers;
        this.listening = listening;
        this.notifier = notifier;
        this.day = day;
        history = new HistoryBlocks(db, uncommitted);
        upsertDaily = db.prepareStatement("INSERT INTO daily VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, intermediary, category)"
                + " DO UPDATE SET count = count + excluded.count, volume = volume + excluded.volume");
        insertDailyWallet = db.prepareStatement("INSERT OR IGNORE INTO daily_wallets VALUES (?, ?, ?, ?, ?)");
    }

    /** Movements of money projected since start (transfers, posts and legs). */
    long movements() {
        return movements;
    }

    /** Whether the signature of {@code payment} was already written with its transfer (and forgets it). */
    boolean tookSignature(TransferId payment) {
        if (signedWithRow.equals(Optional.of(payment))) {
            signedWithRow = Optional.empty();
            return true;
        }
        return false;
    }

    /**
     * Reads from the ledger, in one round trip, every transfer that events {@code from} on will ask for:
     * the legs of applied transfers, and the holds settled that are not among the open ones.
     */
    void prefetch(EventBatch events, Results results, int from) {
        List<TransferId> wanted = new ArrayList<>();
        ByteBuffer e = events.buffer();
        for (int i = from; i < events.count(); i++) {
            if (results.result(i) != Result.OK || EventType.of(events.type(i)) != EventType.TRANSFER) {
                continue;
            }
            int base = i * Event.SIZE;
            long hi = e.getLong(base + Event.ID);
            long lo = e.getLong(base + Event.ID + 8);
            for (int k = 0; k < results.legs(i); k++) {
                wanted.add(new TransferId(Ledger.legIdHi(hi, k), Ledger.legIdLo(lo, k)));
            }
            if ((events.flags(i) & (Event.POST_PENDING | Event.VOID_PENDING)) != 0) {
                TransferId pending = new TransferId(e.getLong(base + Event.PENDING_ID), e.getLong(base + Event.PENDING_ID + 8));
                if (!openHolds.containsKey(pending)) {
                    wanted.add(pending);
                }
            }
        }
        prefetched = wanted.isEmpty() ? Map.of() : ledgerTransfers.find(wanted);
    }

    private Optional<Transfer> ledgerTransfer(TransferId id) {
        Transfer found = prefetched.get(id);
        return found != null ? Optional.of(found) : ledgerTransfers.find(id);
    }

    /** Event {@code i} of {@code events}, applied with {@code legs} policy legs. */
    void apply(EventBatch events, int i, int legs, long at, long sequence) throws SQLException, IOException {
        ByteBuffer e = events.buffer();
        int base = i * Event.SIZE;
        int flags = events.flags(i);
        TransferId id = new TransferId(e.getLong(base + Event.ID), e.getLong(base + Event.ID + 8));
        long amount = e.getLong(base + Event.AMOUNT);
        int asset = e.getInt(base + Event.ASSET);
        int purpose = e.getInt(base + Event.PURPOSE);
        Reference reference = new Reference(e.getLong(base + Event.REFERENCE), e.getLong(base + Event.REFERENCE + 8));
        if ((flags & (Event.POST_PENDING | Event.VOID_PENDING)) != 0) {
            TransferId pending = new TransferId(e.getLong(base + Event.PENDING_ID), e.getLong(base + Event.PENDING_ID + 8));
            Row hold = hold(pending, asset);
            boolean post = (flags & Event.POST_PENDING) != 0;
            long settled = post && amount != 0 ? amount : hold.amount();
            Row row = new Row(id, hold.debit(), hold.credit(), settled, asset, purpose, reference, post ? "post" : "void",
                    Optional.of(pending));
            if (post) {
                moved(row, at, 0, sequence);
            }
        } else {
            Row row = new Row(id, accounts.facts(accountAt(e, base + Event.DEBIT)), accounts.facts(accountAt(e, base + Event.CREDIT)),
                    amount, asset, purpose, reference, (flags & Event.PENDING) != 0 ? "hold" : "transfer", Optional.empty());
            Optional<SignatureRecord> signature = signatureAfter(events, i, id);
            if (signature.isPresent()) {
                insertSignature(at, id, signature.get());
            }
            if (row.phase().equals("transfer")) {
                moved(row, at, 0, sequence);
            } else {
                openHolds.put(id, row);
            }
        }
        for (int k = 0; k < legs; k++) {
            leg(id, k, at, sequence);
        }
    }

    private void leg(TransferId parent, int k, long at, long sequence) throws SQLException {
        TransferId id = new TransferId(Ledger.legIdHi(parent.hi(), k), Ledger.legIdLo(parent.lo(), k));
        Transfer leg = ledgerTransfer(id).orElseThrow(() -> new IllegalStateException("invariant broken: the ledger"
                + " reported leg " + k + " of " + parent + " but does not hold " + id));
        Row row = new Row(id, accounts.facts(new AccountId(leg.debitHi(), leg.debitLo())),
                accounts.facts(new AccountId(leg.creditHi(), leg.creditLo())), leg.amount(), leg.asset(), leg.purpose(),
                new Reference(leg.referenceHi(), leg.referenceLo()), "leg", Optional.of(parent));
        moved(row, at, k + 1, sequence);
    }

    /**
     * The hold a post or void settles, as the ledger holds it: applied before it, and a hold's accounts
     * and amount never change (a post of part of it names the part in its own amount).
     */
    private Row hold(TransferId pending, int asset) throws SQLException {
        Row open = openHolds.remove(pending); // settled now: a hold is posted or voided once
        if (open != null) {
            return open;
        }
        Transfer hold = ledgerTransfer(pending).orElseThrow(() -> new IllegalStateException(
                "invariant broken: a post or void of " + pending + ", which the ledger does not hold"));
        return new Row(pending, accounts.facts(new AccountId(hold.debitHi(), hold.debitLo())),
                accounts.facts(new AccountId(hold.creditHi(), hold.creditLo())), hold.amount(), asset, 0, Reference.NONE,
                "hold", Optional.empty());
    }

    /** A payment is TRANSFER (linked) + RECORD(signature): its signature is written with the transfer. */
    private Optional<SignatureRecord> signatureAfter(EventBatch events, int i, TransferId id) {
        if (i + 1 >= events.count() || RecordKind.of(events, i + 1).filter(kind -> kind == RecordKind.PAYMENT_SIGNATURE).isEmpty()) {
            return Optional.empty();
        }
        Optional<SignatureRecord> signature = SignatureRecord.decode(events, i + 1).filter(s -> s.payment().equals(id));
        signature.ifPresent(s -> signedWithRow = Optional.of(id));
        return signature;
    }

    /** What the ledger does not hold of a transfer: the payer's signature of a payment and its expiry. */
    void insertSignature(long at, TransferId payment, SignatureRecord signature) throws IOException {
        signatures.append(at, payment, signature.expiresAtMillis(), signature.signature());
    }

    /** Money moved: an entry on each side, the daily group, and the stream events. */
    private void moved(Row row, long at, int part, long sequence) throws SQLException {
        movements++;
        AccountFacts debit = row.debit();
        AccountFacts credit = row.credit();
        Category category = Category.of(debit, credit);
        history.add(debit.id(), at, part, row.id(), -row.amount(), credit.id(), category, row.purpose(), row.reference(), sequence);
        history.add(credit.id(), at, part, row.id(), row.amount(), debit.id(), category, row.purpose(), row.reference(), sequence);
        daily(category, category.countedSide(debit, credit), at, row.amount());
        boolean toDebit = listening.test(debit.intermediary());
        boolean toCredit = listening.test(credit.intermediary());
        if (!toDebit && !toCredit) {
            return;
        }
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("payment", row.id().hex());
        common.put("amount", Tenge.format(row.amount()));
        common.put("category", category.label);
        common.put("purpose", row.purpose());
        common.put("reference", row.reference().text());
        common.put("phase", row.phase());
        row.related().ifPresent(related -> common.put("related", related.hex()));
        common.put("batch", sequence);
        common.put("at", Instant.ofEpochSecond(0, at).toString());
        String suffix = part == 0 ? "" : "-" + part;
        if (toDebit) {
            Map<String, Object> out = new LinkedHashMap<>(common);
            out.put("wallet", debit.id().address());
            out.put("counterparty", credit.id().address());
            notifier.notify(debit.intermediary(), "payment.outgoing", at + suffix + "-out", out);
        }
        if (toCredit) {
            Map<String, Object> in = new LinkedHashMap<>(common);
            in.put("wallet", credit.id().address());
            in.put("counterparty", debit.id().address());
            notifier.notify(credit.intermediary(), "payment.incoming", at + suffix + "-in", in);
        }
    }

    private void daily(Category category, AccountFacts counted, long at, long amount) {
        DailyKey group = new DailyKey(day.apply(at), counted.intermediary(), category.label);
        long[] total = dailyTotals.computeIfAbsent(group, k -> new long[2]);
        total[0]++;
        total[1] += amount;
        dailyWallets.add(new DailyWallet(group, counted.id().hi(), counted.id().lo()));
    }

    /** Shows readers the history applied since the last call (see {@link Uncommitted}). */
    void publish() {
        history.publish();
    }

    /** Writes the daily groups summed in this transaction: once each, not once per transfer. */
    void flush() throws SQLException {
        history.flush();
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
        clear();
    }

    /** Forgets what the rolled-back transaction summed. */
    void clear() {
        history.clear();
        prefetched = Map.of();
        dailyTotals.clear();
        dailyWallets.clear();
        signedWithRow = Optional.empty();
    }

    private static AccountId accountAt(ByteBuffer e, int offset) {
        return new AccountId(e.getLong(offset), e.getLong(offset + 8));
    }
}
