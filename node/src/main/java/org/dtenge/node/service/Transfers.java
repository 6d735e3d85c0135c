package org.dtenge.node.service;

import java.util.Optional;
import org.dtenge.journal.EventPosition;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.chain.Receipts;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;
import org.dtenge.sequencer.Submission;

/**
 * Submits transfers and turns the ledger's answer into an {@link Outcome}: a committed transfer with
 * its receipt, or the problem the ledger named. A repeat of a transfer (the ledger says EXISTS)
 * answers exactly as the first request did: same fields, same journal position, same receipt.
 */
public final class Transfers {
    /** The digital tenge: the one asset the node moves (id 1, "KZT", scale 2). */
    public static final int DT = 1;

    private final LedgerGate gate;
    private final Receipts receipts;

    public Transfers(LedgerGate gate, Receipts receipts) {
        this.gate = gate;
        this.receipts = receipts;
    }

    /** One TRANSFER event, not linked. */
    public static EventBatch single(TransferId id, AccountId debit, AccountId credit, long amount, int purpose,
                                    Reference reference) {
        EventBatch events = new EventBatch(1);
        events.transfer(id.hi(), id.lo(), debit.hi(), debit.lo(), credit.hi(), credit.lo(), amount, DT, 0, 0, 0,
                reference.hi(), reference.lo(), purpose, 0);
        return events;
    }

    /**
     * Submits {@code events}, whose event {@code index} is the transfer {@code id}, and answers for it.
     * {@code debit} and {@code credit} name the accounts in refusals.
     */
    public Outcome<Committed> submit(EventBatch events, int index, TransferId id, String debit, String credit) {
        Submission submission = gate.submit(events);
        return answer(submission, index, id, debit, credit);
    }

    /** The answer for transfer {@code index} of an acknowledged submission. */
    public Outcome<Committed> answer(Submission submission, int index, TransferId id, String debit, String credit) {
        Result result = submission.results().result(index);
        if (result == Result.OK) {
            EventPosition position = new EventPosition(submission.batch().sequence(), submission.firstIndex() + index);
            return Outcome.done(committed(submission.events(), index, submission.eventTimestampNanos(index), position), true);
        }
        if (result == Result.EXISTS) {
            return Outcome.done(existing(id), false);
        }
        return Outcome.refused(LedgerProblems.transfer(result, submission.results().reason(index), debit, credit));
    }

    private Committed committed(EventBatch events, int index, long atNanos, EventPosition position) {
        var e = events.buffer();
        int base = index * Event.SIZE;
        return new Committed(new TransferId(e.getLong(base + Event.ID), e.getLong(base + Event.ID + 8)),
                new AccountId(e.getLong(base + Event.DEBIT), e.getLong(base + Event.DEBIT + 8)),
                new AccountId(e.getLong(base + Event.CREDIT), e.getLong(base + Event.CREDIT + 8)),
                e.getLong(base + Event.AMOUNT), e.getInt(base + Event.PURPOSE),
                new Reference(e.getLong(base + Event.REFERENCE), e.getLong(base + Event.REFERENCE + 8)), atNanos, position,
                receipts.of(position));
    }

    /** A transfer the ledger already holds, as it was committed. */
    public Committed existing(TransferId id) {
        Transfer transfer = find(id).orElseThrow(() -> new NodeException(Problem.of(ProblemType.INTERNAL,
                "invariant broken: the ledger said EXISTS for " + id + " but holds no such transfer")));
        EventPosition position = receipts.locate(transfer.timestampNanos()).orElseThrow(() -> new NodeException(
                Problem.of(ProblemType.INTERNAL, "invariant broken: transfer " + id + " is in the ledger but not the journal")));
        return new Committed(id, new AccountId(transfer.debitHi(), transfer.debitLo()),
                new AccountId(transfer.creditHi(), transfer.creditLo()), transfer.amount(), transfer.purpose(),
                new Reference(transfer.referenceHi(), transfer.referenceLo()), transfer.timestampNanos(), position,
                receipts.of(position));
    }

    /** The transfer as the ledger holds it, read through the sequencer. */
    public Optional<Transfer> find(TransferId id) {
        return gate.read(ledger -> ledger.transfer(id.hi(), id.lo()));
    }
}
