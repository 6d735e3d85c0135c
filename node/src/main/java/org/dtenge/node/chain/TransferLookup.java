package org.dtenge.node.chain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.projection.LedgerTransfers;

/**
 * Transfers read from the ledger for the projection (the policy legs, which are not in the journal):
 * directly while the ledger is idle, before the sequencer starts (catching up at start), and through
 * the sequencer once it runs, many in one read. A slow answer is asked again rather than given up on: the projection
 * must not stop because the node is busy. A stopped sequencer ends it (the projection catches up at
 * the next start).
 */
public final class TransferLookup implements LedgerTransfers {
    private final Ledger idle;
    private volatile Optional<LedgerGate> gate = Optional.empty();

    public TransferLookup(Ledger idle) {
        this.idle = idle;
    }

    /** From now on the ledger belongs to the sequencer: read through {@code running}. */
    public void readThrough(LedgerGate running) {
        this.gate = Optional.of(running);
    }

    @Override
    public Map<TransferId, Transfer> find(Collection<TransferId> ids) {
        if (gate.isEmpty()) {
            return read(idle, ids);
        }
        while (true) {
            try {
                return gate.get().read(ledger -> read(ledger, ids));
            } catch (NodeException e) {
                if (e.problem().type() != ProblemType.OUTCOME_UNKNOWN) {
                    throw e;
                }
            }
        }
    }

    private static Map<TransferId, Transfer> read(Ledger ledger, Collection<TransferId> ids) {
        Map<TransferId, Transfer> found = new HashMap<>();
        for (TransferId id : ids) {
            ledger.transfer(id.hi(), id.lo()).ifPresent(t -> found.put(id, t));
        }
        return found;
    }
}
