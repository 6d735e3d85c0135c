package org.dtenge.node.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.projection.ProjectionQueries;
import org.dtenge.programs.Contract;

/**
 * What program owners read: spending per payee and tax statements. Built from the projection's
 * history (it lags the ledger by the projection's delay) and the ledger's policy legs, which the
 * projection does not hold. Access is checked by {@link Programs} before it asks.
 */
final class ProgramReports {
    private static final int HISTORY_MAX = 10_000;

    private final LedgerGate gate;
    private final ProjectionQueries projections;

    ProgramReports(LedgerGate gate, ProjectionQueries projections) {
        this.gate = gate;
        this.projections = projections;
    }

    /**
     * What {@code accounts} paid, summed per payee: per school canteen, never per child. A payee paid by
     * fewer than {@code groupMin} accounts is left out, or its sum would be one child's spending.
     */
    List<Spending> spending(List<AccountId> accounts, int groupMin) {
        Map<AccountId, long[]> byPayee = new TreeMap<>(Comparator.comparing(AccountId::hi).thenComparing(AccountId::lo));
        for (AccountId account : accounts) {
            java.util.Set<AccountId> paid = new java.util.HashSet<>();
            for (HistoryEntry e : projections.history(account, HISTORY_MAX, Long.MAX_VALUE)) {
                if (e.amount() < 0) {
                    long[] sums = byPayee.computeIfAbsent(e.counterparty(), k -> new long[3]);
                    sums[0] += paid.add(e.counterparty()) ? 1 : 0;
                    sums[1]++;
                    sums[2] -= e.amount();
                }
            }
        }
        List<Spending> out = new ArrayList<>();
        byPayee.forEach((payee, sums) -> {
            if (sums[0] >= groupMin) {
                out.add(new Spending(payee.address(), sums[0], sums[1], sums[2]));
            }
        });
        return out;
    }

    /** The statement of tax contract {@code contract} for its merchant account {@code merchant}. */
    Statement statement(Contract contract, AccountId merchant) {
        Optional<Account> account = gate.read(ledger -> ledger.account(merchant.hi(), merchant.lo()));
        if (account.isEmpty() || account.get().policy() != contract.id()) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, merchant.address() + " does not carry program "
                    + contract.id());
        }
        AccountId budget = new AccountId(contract.parameters().get(2), contract.parameters().get(3));
        List<Statement.Line> lines = new ArrayList<>();
        long gross = 0;
        long refunds = 0;
        long tax = 0;
        List<HistoryEntry> history = new ArrayList<>(projections.history(merchant, HISTORY_MAX, Long.MAX_VALUE));
        java.util.Collections.reverse(history); // oldest first
        for (HistoryEntry e : history) {
            if (e.counterparty().equals(budget)) {
                continue; // a tax leg itself (the history shows legs): counted with its sale or refund below
            }
            long legTax = taxLeg(e, merchant, budget);
            if (e.amount() > 0) {
                gross += e.amount();
            } else if (legTax != 0) {
                refunds -= e.amount();
            } else {
                continue; // the merchant paying others is not a sale or a refund
            }
            tax += legTax;
            lines.add(new Statement.Line(e.transfer().hex(), e.atNanos(), e.amount(), legTax));
        }
        return new Statement(merchant.address(), budget.address(), lines, gross, refunds, tax, gross - refunds - tax);
    }

    /** The tax leg of a payment, signed as the merchant sees it: positive to the budget, negative back. */
    private long taxLeg(HistoryEntry e, AccountId merchant, AccountId budget) {
        Optional<Transfer> leg = gate.read(ledger -> ledger.transfer(Ledger.legIdHi(e.transfer().hi(), 0),
                Ledger.legIdLo(e.transfer().lo(), 0)));
        if (leg.isEmpty()) {
            return 0;
        }
        Transfer t = leg.get();
        boolean toBudget = t.debitHi() == merchant.hi() && t.debitLo() == merchant.lo()
                && t.creditHi() == budget.hi() && t.creditLo() == budget.lo();
        boolean fromBudget = t.creditHi() == merchant.hi() && t.creditLo() == merchant.lo()
                && t.debitHi() == budget.hi() && t.debitLo() == budget.lo();
        return toBudget ? t.amount() : fromBudget ? -t.amount() : 0;
    }
}
