package org.dtenge.cards.gateway;

import java.util.Optional;
import org.dtenge.cards.card.Card;
import org.dtenge.cards.card.SettlementAccount;
import org.dtenge.cards.fx.FxRate;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.service.Transfers;
import org.dtenge.sequencer.Submission;

/**
 * The money side of card messages: each is one linked chain through the sequencer, the transfer and
 * then its {@link TransactionRecord}, so that both are journaled or neither. Transfer ids come from the
 * {@link TransactionKey}: a repeated message finds its transfer done (EXISTS) and is answered as before.
 */
public final class Moves {
    private static final int LOCKS = 256;

    private final LedgerGate gate;
    private final ParticipantRegistry participants;
    private final CardActivity activity;
    private final int holdTimeoutSeconds;
    private final Object[] locks = new Object[LOCKS];

    public Moves(LedgerGate gate, ParticipantRegistry participants, CardActivity activity, int holdTimeoutSeconds) {
        this.gate = gate;
        this.participants = participants;
        this.activity = activity;
        this.holdTimeoutSeconds = holdTimeoutSeconds;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** One of a fixed set of locks, by card: what serializes a card's checks and moves. */
    Object lockFor(Card card) {
        return locks[card.panHash()[0] & (LOCKS - 1)];
    }

    ResponseCode pay(Operation operation, Card card, TransactionKey key, CardRequest request, FxRate.Conversion price) {
        AccountId settlement = settlement(card);
        TransferId id = key.transferId(operation);
        int flags = Event.LINKED | (operation == Operation.HOLD ? Event.PENDING : 0);
        int timeout = operation == Operation.HOLD ? holdTimeoutSeconds : 0;
        EventBatch events = new EventBatch(2);
        transfer(events, id, card.wallet(), settlement, price.totalTiyn(), flags, null, request, timeout);
        events.record(new TransactionRecord(operation, id, card.panHash(), card.bank(), price.totalTiyn(), price.feeTiyn(),
                request.amountMinor(), request.currency(), request.isCash(), Optional.empty(), timeout).encode());
        return settleDuplicate(submit(events), id, request);
    }

    /**
     * When the transaction's transfer exists already, the answer to a repeat of its message: approved
     * when it is the same message (same amount in the transaction's currency, which the transfer's
     * reference holds), a duplicate transmission when it claims the same transaction with another amount.
     * Empty when there is no such transfer: the message is new.
     */
    Optional<ResponseCode> repeatOf(Operation operation, TransactionKey key, CardRequest request) {
        return find(key.transferId(operation)).map(t -> sameMessage(t, request) ? ResponseCode.APPROVED
                : ResponseCode.DUPLICATE_TRANSMISSION);
    }

    /**
     * The ledger says a repeat differs when the tenge amount does; abroad that happens when the rate
     * changed between the message and its repeat. Same foreign amount: the same message, approved.
     */
    private ResponseCode settleDuplicate(ResponseCode code, TransferId id, CardRequest request) {
        if (code != ResponseCode.DUPLICATE_TRANSMISSION) {
            return code;
        }
        return find(id).filter(t -> sameMessage(t, request)).map(t -> ResponseCode.APPROVED).orElse(code);
    }

    /** At home the transfer's amount is the message's; abroad its reference holds the foreign amount. */
    private static boolean sameMessage(Transfer transfer, CardRequest request) {
        if (request.currency() == CardRequest.KZT) {
            return transfer.amount() == request.amountMinor();
        }
        Reference expected = reference(request);
        return transfer.referenceHi() == expected.hi() && transfer.referenceLo() == expected.lo();
    }

    private static Reference reference(CardRequest request) {
        return Reference.of(Pricing.reference(request)).orElse(Reference.NONE);
    }

    ResponseCode complete(Card card, TransactionKey key, CardRequest request, FxRate.Conversion price) {
        TransferId holdId = key.transferId(Operation.HOLD);
        Optional<Transfer> hold = find(holdId);
        if (hold.isEmpty()) {
            return ResponseCode.ORIGINAL_NOT_FOUND;
        }
        TransferId id = key.transferId(Operation.COMPLETION);
        EventBatch events = new EventBatch(2);
        transfer(events, id, card.wallet(), settlement(card), price.totalTiyn(), Event.LINKED | Event.POST_PENDING, holdId,
                request, 0);
        events.record(new TransactionRecord(Operation.COMPLETION, id, card.panHash(), card.bank(), price.totalTiyn(),
                price.feeTiyn(), request.amountMinor(), request.currency(), request.isCash(), Optional.of(holdId), 0).encode());
        return settleDuplicate(submit(events), id, request);
    }

    /**
     * Undoes the original: a refund when it was paid (purchase or completed hold), a void when it is
     * still a hold, nothing to do when the hold expired or was voided already (approved: the
     * acquirer's aim, that the money is not taken, holds). 25 when there never was an original.
     */
    ResponseCode reverse(Card card, TransactionKey key, CardRequest request) {
        Optional<Transfer> paid = find(key.transferId(Operation.COMPLETION)).or(() -> find(key.transferId(Operation.PURCHASE)));
        if (paid.isPresent()) {
            TransferId id = key.transferId(Operation.REFUND);
            long amount = paid.get().amount();
            EventBatch events = new EventBatch(2);
            transfer(events, id, settlement(card), card.wallet(), amount, Event.LINKED, null, request, 0);
            TransferId original = new TransferId(paid.get().idHi(), paid.get().idLo());
            events.record(new TransactionRecord(Operation.REFUND, id, card.panHash(), card.bank(), amount, 0,
                    request.amountMinor(), request.currency(), request.isCash(), Optional.of(original), 0).encode());
            return submit(events);
        }
        TransferId holdId = key.transferId(Operation.HOLD);
        Optional<Transfer> hold = find(holdId);
        if (hold.isEmpty()) {
            return ResponseCode.ORIGINAL_NOT_FOUND;
        }
        TransferId id = key.transferId(Operation.VOID);
        long amount = hold.get().amount();
        EventBatch events = new EventBatch(2);
        transfer(events, id, card.wallet(), settlement(card), amount, Event.LINKED | Event.VOID_PENDING, holdId, request, 0);
        events.record(new TransactionRecord(Operation.VOID, id, card.panHash(), card.bank(), amount, 0,
                request.amountMinor(), request.currency(), request.isCash(), Optional.of(holdId), 0).encode());
        ResponseCode answer = submit(events);
        return answer == ResponseCode.ORIGINAL_NOT_FOUND ? ResponseCode.APPROVED : answer;
    }

    private static void transfer(EventBatch events, TransferId id, AccountId debit, AccountId credit, long amount, int flags,
                                 TransferId pending, CardRequest request, int timeoutSeconds) {
        Reference reference = reference(request);
        int purpose = Integer.parseInt(request.merchantType().chars().allMatch(Character::isDigit) ? request.merchantType() : "0");
        events.transfer(id.hi(), id.lo(), debit.hi(), debit.lo(), credit.hi(), credit.lo(), amount, Transfers.DT, flags,
                pending == null ? 0 : pending.hi(), pending == null ? 0 : pending.lo(), reference.hi(), reference.lo(), purpose,
                timeoutSeconds);
    }

    private ResponseCode submit(EventBatch events) {
        Submission submission = gate.submit(events);
        Result result = submission.results().result(0);
        if (result == Result.OK) {
            Result recorded = submission.results().result(1);
            if (recorded != Result.OK) {
                throw new IllegalStateException("invariant broken: a card transfer was applied but its record was not: " + recorded);
            }
            TransactionRecord.decode(submission.events(), 1).ifPresent(r -> activity.add(r, submission.eventTimestampNanos(1)));
            return ResponseCode.APPROVED;
        }
        return code(result);
    }

    /** The response code for a ledger refusal. */
    static ResponseCode code(Result result) {
        return switch (result) {
            case EXISTS -> ResponseCode.APPROVED; // a repeat: approved as the first time
            case EXISTS_WITH_DIFFERENT_FIELDS -> ResponseCode.DUPLICATE_TRANSMISSION;
            case INSUFFICIENT_FUNDS -> ResponseCode.INSUFFICIENT_FUNDS;
            case PAYMENT_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED -> ResponseCode.EXCEEDS_LIMIT;
            case DEBIT_ACCOUNT_FROZEN, DEBIT_ACCOUNT_CLOSED, CREDIT_ACCOUNT_FROZEN, CREDIT_ACCOUNT_CLOSED, POLICY_REJECTED ->
                    ResponseCode.NOT_PERMITTED_TO_CARDHOLDER;
            case PENDING_TRANSFER_NOT_FOUND, PENDING_TRANSFER_ALREADY_VOIDED, PENDING_TRANSFER_EXPIRED ->
                    ResponseCode.ORIGINAL_NOT_FOUND; // no hold left to act on
            case EXCEEDS_PENDING_AMOUNT -> ResponseCode.INVALID_AMOUNT;
            case PENDING_TRANSFER_ALREADY_POSTED -> ResponseCode.INVALID_TRANSACTION;
            default -> ResponseCode.SYSTEM_MALFUNCTION;
        };
    }

    private Optional<Transfer> find(TransferId id) {
        return gate.read(ledger -> ledger.transfer(id.hi(), id.lo()));
    }

    private AccountId settlement(Card card) {
        Participant bank = participants.byCode(card.bank()).orElseThrow(() -> new IllegalStateException(
                "invariant broken: card " + card.id() + " names bank code " + card.bank() + ", which is not registered"));
        return SettlementAccount.of(bank);
    }
}
