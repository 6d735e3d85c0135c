package org.dtenge.node.service;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dtenge.journal.EventPosition;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.sequencer.Submission;

/**
 * Up to {@value #ITEMS_MAX} transfers in one request from one intermediary, each answered on its own:
 * items are independent (not linked to each other), so one refusal does not undo the others. Items
 * from customers' wallets are verified in parallel by the {@link SignatureVerifier}; then all are
 * packed into submissions of at most one journal batch each and handed to the sequencer together.
 */
public final class BatchPayments {
    public static final int ITEMS_MAX = EventBatch.EVENTS_MAX;

    private final LedgerGate gate;
    private final Access access;
    private final SignatureVerifier verifier;
    private final InstantSource clock;

    public BatchPayments(LedgerGate gate, Access access, SignatureVerifier verifier, InstantSource clock) {
        this.gate = gate;
        this.access = access;
        this.verifier = verifier;
        this.clock = clock;
    }

    public List<ItemResult> submit(Participant caller, List<BatchItem> items) {
        Role role = caller.role();
        Access.requireRole(caller, role.servicesWallets() || role == Role.GOVERNMENT || role == Role.EXCHANGE,
                "submit batches of transfers; intermediaries, government bodies and exchanges may");
        if (items.size() > ITEMS_MAX) {
            throw NodeException.of(ProblemType.TOO_MANY_ITEMS, "a batch holds at most " + ITEMS_MAX + " transfers, not " + items.size());
        }
        ItemResult[] answers = new ItemResult[items.size()];
        List<Integer> toVerify = new ArrayList<>();
        List<SignatureVerifier.Check> checks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<Problem> problem = authorize(caller, items.get(i), toVerify, checks, i);
            if (problem.isPresent()) {
                answers[i] = rejected(i, items.get(i), problem.get());
            }
        }
        boolean[] valid = verifier.verify(checks);
        for (int k = 0; k < valid.length; k++) {
            int i = toVerify.get(k);
            if (!valid[k]) {
                answers[i] = rejected(i, items.get(i), Problem.of(ProblemType.INVALID_PAYMENT_SIGNATURE,
                        "the signature does not verify with the payer's key over the canonical encoding of this order"));
            }
        }
        boolean[] signed = new boolean[items.size()];
        for (int i : toVerify) {
            signed[i] = true;
        }
        submitAccepted(items, answers, signed);
        return List.of(answers);
    }

    /**
     * Why item {@code i} may not go to the ledger, if it may not; queues its signature check if it needs one.
     * A program's account (an allowance, a pool) moves only with its owner's signature, like a wallet.
     */
    private Optional<Problem> authorize(Participant caller, BatchItem item, List<Integer> toVerify,
                                        List<SignatureVerifier.Check> checks, int i) {
        PaymentOrder order = item.order();
        Optional<AccountFacts> payer = access.find(order.payer());
        Optional<AccountFacts> payee = access.find(order.payee());
        if (payer.isEmpty() || payee.isEmpty()) {
            return Optional.of(Problem.of(ProblemType.ACCOUNT_NOT_FOUND, "no account "
                    + (payer.isEmpty() ? order.payer() : order.payee()).address()));
        }
        try {
            Payments.checkKinds(payer.get(), payee.get());
        } catch (NodeException e) {
            return Optional.of(e.problem());
        }
        if (payer.get().intermediary() != caller.code()) {
            return Optional.of(Problem.of(ProblemType.ACCOUNT_NOT_SERVICED, caller.id() + " does not service "
                    + order.payer().address()));
        }
        if (order.expiresAtMillis() != 0 && order.expiresAtMillis() < clock.millis()) {
            return Optional.of(Problem.of(ProblemType.PAYMENT_EXPIRED, "the order expired at "
                    + java.time.Instant.ofEpochMilli(order.expiresAtMillis())));
        }
        if (!payer.get().isCustomerWallet() && payer.get().kind() != org.dtenge.ledger.AccountKind.PROGRAM) {
            return Optional.empty(); // the intermediary's own account: the request signature authorizes it
        }
        if (item.signature().isEmpty()) {
            return Optional.of(Problem.of(ProblemType.INVALID_PAYMENT_SIGNATURE, "a transfer from the customer wallet "
                    + order.payer().address() + " needs the wallet's signature"));
        }
        toVerify.add(i);
        checks.add(new SignatureVerifier.Check(payer.get().ownerKey(), order.encode(), item.signature().get()));
        return Optional.empty();
    }

    private void submitAccepted(List<BatchItem> items, ItemResult[] answers, boolean[] signed) {
        List<CompletableFuture<Submission>> submitted = new ArrayList<>();
        List<int[]> placements = new ArrayList<>(); // per submission: item index at each event, or -1 for a record
        EventBatch events = new EventBatch();
        List<Integer> place = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (answers[i] != null) {
                continue;
            }
            BatchItem item = items.get(i);
            int needed = signed[i] ? 2 : 1;
            if (events.count() + needed > events.capacity()) {
                submitted.add(gate.offerWaiting(events));
                placements.add(place.stream().mapToInt(Integer::intValue).toArray());
                events = new EventBatch();
                place = new ArrayList<>();
            }
            Payments.append(events, item.order(), needed == 2 ? item.signature() : Optional.empty());
            place.add(i);
            if (needed == 2) {
                place.add(-1);
            }
        }
        if (events.count() > 0) {
            submitted.add(gate.offerWaiting(events));
            placements.add(place.stream().mapToInt(Integer::intValue).toArray());
        }
        for (int s = 0; s < submitted.size(); s++) {
            Submission submission = gate.await(submitted.get(s));
            int[] at = placements.get(s);
            for (int e = 0; e < at.length; e++) {
                if (at[e] >= 0) {
                    answers[at[e]] = answer(at[e], items.get(at[e]), submission, e);
                }
            }
        }
    }

    private static ItemResult answer(int i, BatchItem item, Submission submission, int event) {
        Result result = submission.results().result(event);
        EventPosition position = new EventPosition(submission.batch().sequence(), submission.firstIndex() + event);
        return switch (result) {
            case OK -> new ItemResult(i, item.order().id(), ItemResult.Status.COMMITTED, Optional.empty(), Optional.of(position));
            case EXISTS -> new ItemResult(i, item.order().id(), ItemResult.Status.ALREADY_COMMITTED, Optional.empty(), Optional.empty());
            default -> new ItemResult(i, item.order().id(), ItemResult.Status.REFUSED, Optional.of(LedgerProblems.transfer(
                    result, submission.results().reason(event), item.order().payer().address(), item.order().payee().address())), Optional.empty());
        };
    }

    private static ItemResult rejected(int i, BatchItem item, Problem problem) {
        return new ItemResult(i, item.order().id(), ItemResult.Status.REJECTED, Optional.of(problem), Optional.empty());
    }
}
