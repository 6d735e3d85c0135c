package org.dtenge.node.http;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.JournalHead;
import org.dtenge.journal.Receipt;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.Result;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.config.Tier;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.projection.TransferRow;
import org.dtenge.node.service.Committed;

/**
 * The JSON shapes of answers. Amounts are strings of tenge with two decimals; limits that do not
 * apply are "none"; hashes are lower-case hex; keys, signatures and encoded receipts are base64url.
 */
final class Views {
    private final NodeConfig config;
    private final ParticipantRegistry registry;

    Views(NodeConfig config, ParticipantRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    record ParticipantView(String id, long code, String name, String role, String publicKey, Optional<String> account) {}

    record Limits(String holding, String payment, String daily) {}

    record AccountView(String address, String kind, String intermediary, long intermediaryCode, String tier, String status,
                       String balance, String available, String held, Limits limits, String outflowToday, String ownerKey,
                       String openedAt) {}

    record HeadView(long sequence, String hash) {}

    /** {@code legs}: how many legs a program's policy added to the transfer (GET /v1/payments/{id}/legs lists them). */
    record ReceiptView(String encoded, long batch, int index, String result, int legs, String batchHash, String merkleRoot,
                       List<String> auditPath, HeadView head) {}

    record TransferView(String id, String status, String payer, String payee, String amount, int purpose,
                        String reference, String committedAt, long batch, int index, ReceiptView receipt) {}

    record PaymentStatusView(String id, String status, String payer, String payee, String amount, int purpose,
                             String reference, String category, String committedAt, long batch, int index,
                             Optional<String> signature, Optional<Long> expiresAt) {}

    record HistoryItem(String payment, String at, String amount, String direction, String counterparty, String category,
                       int purpose, String reference, long batch) {}

    record HistoryView(String wallet, List<HistoryItem> items, Optional<String> next) {}

    ParticipantView participant(Participant p) {
        return new ParticipantView(p.id(), p.code(), p.name(), p.role().name(), Base64Url.encode(p.publicKey()),
                p.ownAccount().map(AccountId::address));
    }

    AccountView account(Account a) {
        String intermediary = registry.byCode(a.intermediary()).map(Participant::id).orElse("");
        String tier = a.tier() == 0 ? "none" : config.tier(a.tier()).map(Tier::name).orElse("tier " + a.tier());
        return new AccountView(new AccountId(a.idHi(), a.idLo()).address(), lower(a.kind().name()), intermediary,
                a.intermediary(), tier, lower(a.status().name()), Tenge.format(a.balance()), Tenge.format(a.available()),
                Tenge.format(a.held()), new Limits(limit(a.holdingLimit()), limit(a.paymentLimit()), limit(a.dailyLimit())),
                Tenge.format(a.outflowToday()), Base64Url.encode(a.ownerKey()), instant(a.timestampNanos()));
    }

    TransferView transfer(Committed c) {
        return new TransferView(c.id().hex(), "committed", c.debit().address(), c.credit().address(), Tenge.format(c.amount()),
                c.purpose(), c.reference().text(), instant(c.atNanos()), c.position().sequence(), c.position().index(),
                receipt(c.receipt()));
    }

    static ReceiptView receipt(Receipt r) {
        HexFormat hex = HexFormat.of();
        BatchHeader batch = r.batch();
        BatchHeader head = r.head();
        return new ReceiptView(Base64Url.encode(r.encode()), batch.sequence(), r.index(), Result.of(r.result() & 0xFF).name(),
                r.result() >>> 24, hex.formatHex(batch.hash()), hex.formatHex(batch.merkleRoot()),
                r.auditPath().stream().map(hex::formatHex).toList(), new HeadView(head.sequence(), hex.formatHex(head.hash())));
    }

    static HeadView head(JournalHead head) {
        return new HeadView(head.sequence(), HexFormat.of().formatHex(head.hash()));
    }

    PaymentStatusView status(TransferRow t) {
        return new PaymentStatusView(t.id().hex(), "committed", t.debit().address(), t.credit().address(),
                Tenge.format(t.amount()), t.purpose(), t.reference().text(), t.category(), instant(t.atNanos()), t.batch(),
                t.eventIndex(), t.signature().map(Base64Url::encode), t.expiresAtMillis());
    }

    HistoryItem history(HistoryEntry e) {
        return new HistoryItem(e.transfer().hex(), instant(e.atNanos()), Tenge.format(Math.abs(e.amount())),
                e.amount() < 0 ? "out" : "in", e.counterparty().address(), e.category(), e.purpose(), e.reference().text(),
                e.batch());
    }

    static String instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String limit(long tiyn) {
        return tiyn == Long.MAX_VALUE ? "none" : Tenge.format(tiyn);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
