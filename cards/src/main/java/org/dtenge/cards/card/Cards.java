package org.dtenge.cards.card;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.Outcome;
import org.dtenge.sequencer.Submission;

/**
 * Banks issue cards on the wallets they service and change their status. Each change is a card record
 * in the journal (with the bank's card settlement account created alongside the first card), and the
 * registry learns of it once it is durable. Changes are serialized, so two issues of one PAN cannot race.
 */
public final class Cards {
    private final LedgerGate gate;
    private final Access access;
    private final CardRegistry registry;
    private final PanHasher hasher;

    public Cards(LedgerGate gate, Access access, CardRegistry registry, PanHasher hasher) {
        this.gate = gate;
        this.access = access;
        this.registry = registry;
        this.hasher = hasher;
    }

    /** What a bank asks for; the PAN is hashed at once and goes no further. */
    public record Issue(Pan pan, CardProduct product, AccountId wallet, YearMonth expiry, long purchaseLimit,
                        long atmDailyLimit, Set<Channel> channels) {}

    public synchronized Outcome<Card> issue(Participant caller, Issue request) {
        requireBank(caller);
        AccountFacts holder = access.serviced(caller, request.wallet());
        // An Onay card may also carry a program's allowance (school meals): it then pays from the allowance
        // only, and the program's rules decide each tap. Bank cards are for customers' own wallets.
        boolean allowance = request.product() == CardProduct.ONAY && holder.kind() == AccountKind.PROGRAM;
        if (!holder.isCustomerWallet() && !allowance) {
            throw NodeException.of(ProblemType.NOT_PERMITTED, request.wallet().address() + " is a " + holder.kind()
                    + " account: cards are issued on customers' wallets (an Onay card also on a program allowance)");
        }
        Card card = new Card(hasher.hash(request.pan()), request.pan().lastFour(), request.product(), caller.code(),
                request.wallet(), request.expiry(), CardStatus.ACTIVE, request.purchaseLimit(), request.atmDailyLimit(),
                request.channels());
        Optional<Card> existing = registry.find(card.panHash());
        if (existing.isPresent()) {
            if (existing.get().withStatus(CardStatus.ACTIVE).equals(card)) {
                return Outcome.done(existing.get(), false); // the same issue again
            }
            // Another bank's card is not named: a bank learns nothing of other banks' cards from here.
            String which = existing.get().bank() == caller.code() ? " (card " + existing.get().id() + ")" : "";
            return Outcome.refused(Problem.of(ProblemType.ID_CONFLICT, "the card ending " + card.lastFour()
                    + " is already issued" + which + " with other details"));
        }
        EventBatch events = new EventBatch(2);
        SettlementAccount.create(caller, events); // EXISTS after the bank's first card, which is fine
        events.record(CardRecord.encode(card));
        Submission submission = gate.submit(events);
        Result account = submission.results().result(0);
        if (account != Result.OK && account != Result.EXISTS) {
            return Outcome.refused(Problem.ledger(ProblemType.LEDGER_REJECTED,
                    "the ledger refused the card settlement account: " + account, account));
        }
        requireRecorded(submission, 1);
        registry.put(card);
        return Outcome.done(card, true);
    }

    public synchronized Outcome<Card> changeStatus(Participant caller, String cardId, CardStatus status) {
        Card card = ownCard(caller, cardId);
        if (card.status() == status) {
            return Outcome.done(card, false);
        }
        Card changed = card.withStatus(status);
        EventBatch events = new EventBatch(1);
        events.record(CardRecord.encode(changed));
        requireRecorded(gate.submit(events), 0);
        registry.put(changed);
        return Outcome.done(changed, true);
    }

    public List<Card> list(Participant caller) {
        requireBank(caller);
        return registry.ofBank(caller.code());
    }

    public Card get(Participant caller, String cardId) {
        return ownCard(caller, cardId);
    }

    private Card ownCard(Participant caller, String cardId) {
        requireBank(caller);
        Card card = registry.findById(cardId).orElseThrow(() -> NodeException.of(ProblemType.NOT_FOUND, "no card " + cardId));
        if (card.bank() != caller.code()) {
            throw NodeException.of(ProblemType.ACCOUNT_NOT_SERVICED, caller.id() + " did not issue card " + cardId);
        }
        return card;
    }

    static void requireBank(Participant caller) {
        Access.requireRole(caller, caller.role() == Role.BANK, "issue or manage cards; only banks may");
    }

    private static void requireRecorded(Submission submission, int index) {
        Result result = submission.results().result(index);
        if (result != Result.OK) {
            throw new IllegalStateException("invariant broken: the ledger refused a RECORD event: " + result);
        }
    }
}
