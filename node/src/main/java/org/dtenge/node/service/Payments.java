package org.dtenge.node.service;

import java.time.InstantSource;
import java.util.Optional;
import org.dtenge.journal.EventPosition;
import org.dtenge.journal.Receipt;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.Receipts;
import org.dtenge.node.chain.SignatureRecord;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.projection.Category;
import org.dtenge.node.projection.ProjectionQueries;
import org.dtenge.node.projection.TransferRow;

/**
 * Payments signed by the payer's wallet key: person to person, person to merchant, cash-out. The
 * signature is checked here, on the verifier's threads (in parallel with other requests, and never on
 * the sequencer; see {@link SignatureVerifier} for why not on the request's own thread), and then kept
 * in the journal with the transfer as one linked chain:
 * TRANSFER (linked) then a RECORD holding the signature and the order's expiry.
 */
public final class Payments {
    private final Transfers transfers;
    private final Access access;
    private final SignatureVerifier verifier;
    private final InstantSource clock;
    private final ProjectionQueries projections;
    private final Receipts receipts;

    public Payments(Transfers transfers, Access access, SignatureVerifier verifier, InstantSource clock,
                    ProjectionQueries projections, Receipts receipts) {
        this.verifier = verifier;
        this.transfers = transfers;
        this.access = access;
        this.clock = clock;
        this.projections = projections;
        this.receipts = receipts;
    }

    public Outcome<Committed> pay(Participant caller, PaymentOrder order, byte[] signature) {
        AccountFacts payer = access.account(order.payer());
        AccountFacts payee = access.account(order.payee());
        if (caller.role() != Role.APP_PROVIDER && payer.intermediary() != caller.code()) {
            throw NodeException.of(ProblemType.ACCOUNT_NOT_SERVICED, caller.id() + " does not service the payer "
                    + order.payer().address() + "; its own intermediary (or an app provider) submits its payments");
        }
        return signed(order, signature, payer, payee);
    }

    /**
     * Cash-out: the customer signs a payment from the wallet to the intermediary's reserve (at the
     * counter, in the app), and the intermediary pays the cash or credits the deposit.
     */
    public Outcome<Committed> cashOut(Participant caller, PaymentOrder order, byte[] signature) {
        Access.requireRole(caller, caller.role().convertsCash(), "cash out; only banks and payment agents may");
        AccountId reserve = caller.ownAccount().orElseThrow();
        if (!order.payee().equals(reserve)) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "the payee of a cash-out at " + caller.id() + " is its reserve "
                    + reserve.address() + ", not " + order.payee().address());
        }
        AccountFacts payer = access.servicedWallet(caller, order.payer());
        return signed(order, signature, payer, access.account(reserve));
    }

    private Outcome<Committed> signed(PaymentOrder order, byte[] signature, AccountFacts payer, AccountFacts payee) {
        checkKinds(payer, payee);
        if (!verifier.verify(new SignatureVerifier.Check(payer.ownerKey(), order.encode(), signature))) {
            throw NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE, "the signature does not verify with the key of "
                    + order.payer().address() + " over the canonical encoding of this order (docs/api.md)");
        }
        if (order.expiresAtMillis() < clock.millis()) {
            return Outcome.refused(Problem.of(ProblemType.PAYMENT_EXPIRED, "the order expired at "
                    + java.time.Instant.ofEpochMilli(order.expiresAtMillis()) + "; the payer must sign a new one"));
        }
        return transfers.submit(events(order, signature), 0, order.id(), order.payer().address(), order.payee().address());
    }

    /** Payments never touch the issuance account: only issuance and redemption do. */
    static void checkKinds(AccountFacts payer, AccountFacts payee) {
        if (payer.kind() == AccountKind.ISSUANCE || payee.kind() == AccountKind.ISSUANCE) {
            throw NodeException.of(ProblemType.NOT_PERMITTED, "payments do not move money into or out of the issuance"
                    + " account; the central bank issues and redeems");
        }
    }

    /** TRANSFER (linked) + RECORD(signature): both commit or neither does. */
    static EventBatch events(PaymentOrder order, byte[] signature) {
        EventBatch events = new EventBatch(2);
        append(events, order, Optional.of(signature));
        return events;
    }

    static void append(EventBatch events, PaymentOrder order, Optional<byte[]> signature) {
        events.transfer(order.id().hi(), order.id().lo(), order.payer().hi(), order.payer().lo(), order.payee().hi(),
                order.payee().lo(), order.amount(), order.asset(), signature.isPresent() ? Event.LINKED : 0, 0, 0,
                order.reference().hi(), order.reference().lo(), order.purpose(), 0);
        signature.ifPresent(s -> events.record(new SignatureRecord(order.id(), order.expiresAtMillis(), s).encode()));
    }

    /** A payment as the ledger holds it, with the payer's signature once projected, if {@code caller} may see it. */
    public TransferRow status(Participant caller, TransferId id) {
        Optional<TransferRow> row = transfers.find(id).map(this::fromLedger); // the ledger holds every transfer by id
        TransferRow found = row.filter(r -> visible(caller, r.debit(), r.credit())).orElseThrow(() -> notVisible(caller, id));
        return found;
    }

    /** The receipt of a payment, chained to its own batch or to {@code head}. */
    public Receipt receipt(Participant caller, TransferId id, Optional<Long> head) {
        Transfer transfer = transfers.find(id).orElseThrow(() -> notVisible(caller, id));
        if (!visible(caller, new AccountId(transfer.debitHi(), transfer.debitLo()),
                new AccountId(transfer.creditHi(), transfer.creditLo()))) {
            throw notVisible(caller, id);
        }
        EventPosition position = receipts.locate(transfer.timestampNanos()).orElseThrow();
        return head.isPresent() ? receipts.chained(position, head.get()) : receipts.of(position);
    }

    private boolean visible(Participant caller, AccountId debit, AccountId credit) {
        return access.account(debit).intermediary() == caller.code() || access.account(credit).intermediary() == caller.code();
    }

    private static NodeException notVisible(Participant caller, TransferId id) {
        // The same answer whether it does not exist or belongs to others: ids of others' payments stay private.
        return NodeException.of(ProblemType.PAYMENT_NOT_FOUND, "no payment " + id + " on an account " + caller.id() + " services");
    }

    private TransferRow fromLedger(Transfer t) {
        AccountFacts debit = access.account(new AccountId(t.debitHi(), t.debitLo()));
        AccountFacts credit = access.account(new AccountId(t.creditHi(), t.creditLo()));
        EventPosition position = receipts.locate(t.timestampNanos()).orElseThrow();
        TransferId id = new TransferId(t.idHi(), t.idLo());
        // The signature is projected a moment after the payment is durable: until then the status has none.
        Optional<ProjectionQueries.Signature> signature = projections.signature(id, t.timestampNanos());
        return new TransferRow(id, debit.id(), credit.id(), t.amount(), t.asset(), t.purpose(),
                new Reference(t.referenceHi(), t.referenceLo()), t.timestampNanos(), position.sequence(), position.index(),
                Category.of(debit, credit).label, signature.map(ProjectionQueries.Signature::signature),
                signature.map(ProjectionQueries.Signature::expiresAtMillis));
    }
}
