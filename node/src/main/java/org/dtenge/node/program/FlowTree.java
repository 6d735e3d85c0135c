package org.dtenge.node.program;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dtenge.ledger.Account;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.projection.ProjectionQueries;

/**
 * Where earmarked money went, as a tree for its funder: from each account of a program, what it paid
 * to whom (summed per payee), and, for payees that carry a program of their own (the contractors'
 * and subcontractors' accounts), what they paid on, level by level. Leaves are where the money left
 * the programs' accounts (suppliers, or back to the funder). Built from the projection's history, so
 * it lags the ledger by the projection's delay.
 */
public final class FlowTree {
    static final int DEPTH_MAX = 8;
    private static final int HISTORY_MAX = 10_000;

    private final LedgerGate gate;
    private final ProjectionQueries projections;

    FlowTree(LedgerGate gate, ProjectionQueries projections) {
        this.gate = gate;
        this.projections = projections;
    }

    /** One account in the tree: what it received from its parent, what it holds, whom it paid. */
    public record Node(String account, int program, long receivedTiyn, long payments, long balanceTiyn, List<Node> paid) {}

    List<Node> of(List<AccountId> roots) {
        Set<AccountId> visited = new HashSet<>(roots);
        List<Node> tree = new ArrayList<>();
        for (AccountId root : roots) {
            tree.add(node(root, 0, 0, 0, visited));
        }
        return tree;
    }

    private Node node(AccountId account, long received, long payments, int depth, Set<AccountId> visited) {
        Optional<Account> state = gate.read(ledger -> ledger.account(account.hi(), account.lo()));
        int program = state.map(Account::policy).orElse(0);
        long balance = state.map(Account::balance).orElse(0L);
        List<Node> paid = new ArrayList<>();
        if (program != 0 && depth < DEPTH_MAX) {
            Map<AccountId, long[]> byPayee = new LinkedHashMap<>();
            for (HistoryEntry e : projections.history(account, HISTORY_MAX, Long.MAX_VALUE)) {
                if (e.amount() < 0) {
                    long[] sums = byPayee.computeIfAbsent(e.counterparty(), k -> new long[2]);
                    sums[0] -= e.amount();
                    sums[1]++;
                }
            }
            byPayee.forEach((payee, sums) -> paid.add(visited.add(payee)
                    ? node(payee, sums[0], sums[1], depth + 1, visited)
                    : new Node(payee.address(), 0, sums[0], sums[1], 0, List.of())));
        }
        return new Node(account.address(), program, received, payments, balance, paid);
    }
}
