package org.dtenge.node.program;

import java.time.InstantSource;
import java.util.Optional;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.HoldState;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.SignatureRecord;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.Committed;
import org.dtenge.node.service.Outcome;
import org.dtenge.node.service.Transfers;

/**
 * Escrow on the ledger's holds: the payer signs an order as for a payment, and the money is held
 * (reserved on the payer's account, not yet the payee's) until it is released to the payee, or
 * refunded: by the payee's servicer cancelling, or by the ledger itself when the timeout passes
 * (expiry is driven by batch time, so it replays identically). The hold, the signature and the
 * settlement are all in the journal; a release or refund has an id derived from the hold's, so it
 * happens at most once.
 */
public final class Escrows {
    private static final long RELEASE = 0x52454C454153450AL;
    private static final long REFUND = 0x524546554E440AL;

    private final Transfers transfers;
    private final Access access;
    private final InstantSource clock;

    Escrows(Transfers transfers, Access access, InstantSource clock) {
        this.transfers = transfers;
        this.access = access;
        this.clock = clock;
    }

    /** An escrow's state, read from its hold. */
    public record State(TransferId id, AccountId payer, AccountId payee, long amount, int timeoutSeconds, HoldState hold) {}

    /** Holds the signed order's amount for at most {@code timeoutSeconds}; the payer's servicer opens it. */
    public Outcome<Committed> open(Participant caller, PaymentOrder order, byte[] signature, int timeoutSeconds) {
        AccountFacts payer = access.serviced(caller, order.payer());
        access.account(order.payee());
        if (timeoutSeconds <= 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "an escrow needs a positive timeout, after which it is refunded");
        }
        if (!order.verify(payer.ownerKey(), signature)) {
            throw NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE, "the signature does not verify with the key of "
                    + order.payer().address() + " over the canonical encoding of this order (docs/api.md)");
        }
        if (order.expiresAtMillis() < clock.millis()) {
            return Outcome.refused(Problem.of(ProblemType.PAYMENT_EXPIRED, "the order expired; the payer must sign a new one"));
        }
        EventBatch events = new EventBatch(2);
        events.transfer(order.id().hi(), order.id().lo(), order.payer().hi(), order.payer().lo(), order.payee().hi(),
                order.payee().lo(), order.amount(), order.asset(), Event.PENDING | Event.LINKED, 0, 0, order.reference().hi(),
                order.reference().lo(), order.purpose(), timeoutSeconds);
        events.record(new SignatureRecord(order.id(), order.expiresAtMillis(), signature).encode());
        return transfers.submit(events, 0, order.id(), order.payer().address(), order.payee().address());
    }

    /** Pays the held money to the payee: on the payer's word, so through the payer's servicer. */
    public Outcome<Committed> release(Participant caller, TransferId id) {
        State escrow = state(id);
        access.serviced(caller, escrow.payer());
        return settle(escrow, Event.POST_PENDING, RELEASE);
    }

    /** Gives the held money back to the payer: the payee cancels, through the payee's servicer. */
    public Outcome<Committed> refund(Participant caller, TransferId id) {
        State escrow = state(id);
        access.serviced(caller, escrow.payee());
        return settle(escrow, Event.VOID_PENDING, REFUND);
    }

    private Outcome<Committed> settle(State escrow, int flag, long tweak) {
        TransferId settlement = new TransferId(escrow.id().hi(), escrow.id().lo() ^ tweak);
        EventBatch events = new EventBatch(1);
        events.transfer(settlement.hi(), settlement.lo(), escrow.payer().hi(), escrow.payer().lo(), escrow.payee().hi(),
                escrow.payee().lo(), 0, Transfers.DT, flag, escrow.id().hi(), escrow.id().lo(), 0, 0, 0, 0);
        return transfers.submit(events, 0, settlement, escrow.payer().address(), escrow.payee().address());
    }

    public State state(TransferId id) {
        Optional<Transfer> hold = transfers.find(id).filter(t -> (t.flags() & Event.PENDING) != 0);
        Transfer t = hold.orElseThrow(() -> NodeException.of(ProblemType.PAYMENT_NOT_FOUND, "no escrow " + id));
        return new State(id, new AccountId(t.debitHi(), t.debitLo()), new AccountId(t.creditHi(), t.creditLo()), t.amount(),
                t.timeoutSeconds(), t.holdState());
    }

    /** The state, if {@code caller} services the payer or the payee. */
    public State state(Participant caller, TransferId id) {
        State escrow = state(id);
        if (access.account(escrow.payer()).intermediary() != caller.code()
                && access.account(escrow.payee()).intermediary() != caller.code()) {
            throw NodeException.of(ProblemType.PAYMENT_NOT_FOUND, "no escrow " + id + " on an account " + caller.id() + " services");
        }
        return escrow;
    }
}
