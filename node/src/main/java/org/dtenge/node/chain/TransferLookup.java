package org.dtenge.node.chain;

import java.util.Optional;
import java.util.function.Function;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.TransferId;

/**
 * Transfers read from the ledger for the projection (the policy legs, which are not in the journal):
 * directly while the ledger is idle, before the sequencer starts (catching up at start), and through
 * the sequencer once it runs. A slow answer is asked again rather than given up on: the projection
 * must not stop because the node is busy. A stopped sequencer ends it (the projection catches up at
 * the next start).
 */
public final class TransferLookup implements Function<TransferId, Optional<Transfer>> {
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
    public Optional<Transfer> apply(TransferId id) {
        if (gate.isEmpty()) {
            return idle.transfer(id.hi(), id.lo());
        }
        while (true) {
            try {
                return gate.get().read(ledger -> ledger.transfer(id.hi(), id.lo()));
            } catch (NodeException e) {
                if (e.problem().type() != ProblemType.OUTCOME_UNKNOWN) {
                    throw e;
                }
            }
        }
    }
}
