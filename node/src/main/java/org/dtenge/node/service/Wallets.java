package org.dtenge.node.service;

import org.dtenge.ledger.Account;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.config.Tier;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.sequencer.Submission;

/**
 * Customers' wallets, as their intermediary opens and services them. The ledger holds the owner's
 * public key and the tier, never a name: who the customer is stays with the intermediary.
 */
public final class Wallets {
    /** The tier of a wallet being closed: no limits, so that the whole balance can move back at once. */
    private static final int CLOSING_TIER = 0;
    private static final int CLOSE_ATTEMPTS = 3;

    private final LedgerGate gate;
    private final Access access;

    public Wallets(LedgerGate gate, Access access) {
        this.gate = gate;
        this.access = access;
    }

    /** Opens (or, if it exists with the same settings, finds) the wallet of {@code ownerKey} at {@code caller}. */
    public Outcome<Account> open(Participant caller, byte[] ownerKey, AccountKind kind, Tier tier) {
        Access.requireRole(caller, caller.role().servicesWallets(), "open wallets; banks, payment agents and acquirers may");
        if (caller.role() == Role.MERCHANT_ACQUIRER && kind != AccountKind.MERCHANT) {
            throw NodeException.of(ProblemType.ROLE_NOT_PERMITTED, caller.id() + " is a MERCHANT_ACQUIRER, which opens merchant wallets only");
        }
        AccountId id = AccountId.derive(caller.code(), kind, ownerKey);
        EventBatch events = new EventBatch(1);
        events.createAccount(id.hi(), id.lo(), Transfers.DT, kind, caller.code(), ownerKey, tier.code(), tier.holdingLimit(),
                tier.paymentLimit(), tier.dailyLimit(), 0, 0);
        Result result = gate.submit(events).results().result(0);
        if (result == Result.OK || result == Result.EXISTS) {
            return Outcome.done(state(id), result == Result.OK);
        }
        if (result == Result.EXISTS_WITH_DIFFERENT_FIELDS) {
            return Outcome.refused(Problem.ledger(ProblemType.ID_CONFLICT, "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " wallet of this key already exists at " + caller.id() + " (" + id.address()
                    + ") with another tier; change its tier instead", result));
        }
        return Outcome.refused(LedgerProblems.account(result, id.address()));
    }

    /** The wallet's state (balance included) as of the last durable batch. */
    public Account get(Participant caller, AccountId id) {
        access.serviced(caller, id);
        return state(id);
    }

    public Outcome<Account> freeze(Participant caller, AccountId id) {
        return status(caller, id, EventType.FREEZE_ACCOUNT);
    }

    public Outcome<Account> unfreeze(Participant caller, AccountId id) {
        return status(caller, id, EventType.UNFREEZE_ACCOUNT);
    }

    private Outcome<Account> status(Participant caller, AccountId id, EventType type) {
        requireServicer(caller);
        access.servicedWallet(caller, id);
        EventBatch events = new EventBatch(1);
        events.accountStatus(type, id.hi(), id.lo(), 0);
        return single(events, id);
    }

    public Outcome<Account> changeTier(Participant caller, AccountId id, Tier tier) {
        requireServicer(caller);
        access.servicedWallet(caller, id);
        EventBatch events = new EventBatch(1);
        events.changeTier(id.hi(), id.lo(), tier.code(), tier.holdingLimit(), tier.paymentLimit(), tier.dailyLimit(), 0);
        return single(events, id);
    }

    /**
     * Closes a wallet: one linked chain lifts its limits, moves its whole balance to the intermediary's
     * own account (its reserve: the customer is paid out in cash or to a deposit), and closes it. All
     * or nothing; if the balance changed meanwhile, the chain fails and is tried again.
     */
    public Outcome<Account> close(Participant caller, AccountId id) {
        requireServicer(caller);
        AccountFacts wallet = access.servicedWallet(caller, id);
        AccountId own = caller.ownAccount().orElseThrow();
        Outcome<Account> outcome = Outcome.refused(Problem.of(ProblemType.BALANCE_CHANGED,
                "the balance kept changing while the wallet was being closed; repeat the request"));
        for (int attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
            Account account = state(id);
            if (account.status() == org.dtenge.ledger.AccountStatus.CLOSED) {
                return Outcome.done(account, false); // closing twice is closing once
            }
            // The node chooses the sweep's id: a repeated close finds the wallet closed, above.
            TransferId sweepId = TransferId.random(java.util.concurrent.ThreadLocalRandom.current());
            EventBatch events = new EventBatch(3);
            if (account.balance() > 0) {
                events.changeTier(id.hi(), id.lo(), CLOSING_TIER, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Event.LINKED);
                events.transfer(sweepId.hi(), sweepId.lo(), id.hi(), id.lo(), own.hi(), own.lo(), account.balance(),
                        wallet.asset(), Event.LINKED);
            }
            events.accountStatus(EventType.CLOSE_ACCOUNT, id.hi(), id.lo(), 0);
            Submission submission = gate.submit(events);
            Results results = submission.results();
            Result last = results.result(results.count() - 1);
            if (last == Result.OK) {
                return Outcome.done(state(id), true);
            }
            Result cause = firstFailure(results);
            outcome = Outcome.refused(cause == Result.DEBIT_ACCOUNT_FROZEN
                    ? Problem.ledger(ProblemType.ACCOUNT_FROZEN, id.address() + " is frozen: unfreeze it before closing it", cause)
                    : LedgerProblems.account(cause, id.address()));
            if (cause != Result.ACCOUNT_NOT_EMPTY && cause != Result.INSUFFICIENT_FUNDS) {
                return outcome; // anything but a balance that moved under us will not change by retrying
            }
        }
        return outcome;
    }

    private static Result firstFailure(Results results) {
        for (int i = 0; i < results.count(); i++) {
            Result result = results.result(i);
            if (result != Result.OK && result != Result.LINKED_EVENT_FAILED) {
                return result;
            }
        }
        return Result.LINKED_EVENT_FAILED;
    }

    private static void requireServicer(Participant caller) {
        Access.requireRole(caller, caller.role().servicesWallets(), "service wallets; banks, payment agents and acquirers may");
    }

    private Outcome<Account> single(EventBatch events, AccountId id) {
        Result result = gate.submit(events).results().result(0);
        return result == Result.OK ? Outcome.done(state(id), false) : Outcome.refused(LedgerProblems.account(result, id.address()));
    }

    private Account state(AccountId id) {
        return gate.read(ledger -> ledger.account(id.hi(), id.lo())).orElseThrow(() -> NodeException.of(
                ProblemType.ACCOUNT_NOT_FOUND, "no account " + id.address()));
    }
}
