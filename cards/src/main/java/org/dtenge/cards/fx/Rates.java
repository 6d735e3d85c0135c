package org.dtenge.cards.fx;

import java.util.List;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.service.Access;

/** A bank's rate table for its cards abroad: set through the API, journaled, served to the gateway. */
public final class Rates {
    private final LedgerGate gate;
    private final RateTable table;

    public Rates(LedgerGate gate, RateTable table) {
        this.gate = gate;
        this.table = table;
    }

    /** Sets (or replaces) {@code caller}'s rate for a currency; in force once durable. */
    public synchronized FxRate set(Participant caller, int currency, long tengePerUnitMicros, int feeBasisPoints) {
        requireBank(caller);
        FxRate rate = new FxRate(caller.code(), currency, tengePerUnitMicros, feeBasisPoints);
        EventBatch events = new EventBatch(1);
        events.record(RateRecord.encode(rate));
        Result result = gate.submit(events).results().result(0);
        if (result != Result.OK) {
            throw new IllegalStateException("invariant broken: the ledger refused a RECORD event: " + result);
        }
        table.put(rate);
        return rate;
    }

    public List<FxRate> list(Participant caller) {
        requireBank(caller);
        return table.ofBank(caller.code());
    }

    private static void requireBank(Participant caller) {
        Access.requireRole(caller, caller.role() == Role.BANK, "keep a card rate table; only banks may");
    }
}
