package org.dtenge.bench;

import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;

/**
 * The events that set up the population before any payment: the asset, the issuance account and fee
 * collector, a CREATE_ACCOUNT per wallet and then the issuer's funding transfer to each, packed into
 * full batches in that order.
 */
final class Genesis {
    private final Wallets wallets;
    private boolean started;
    private int opened;
    private int funded;

    Genesis(Wallets wallets) {
        this.wallets = wallets;
    }

    /** The number of events genesis holds: three, then two per wallet. */
    static long events(Wallets wallets) {
        return 3 + 2L * wallets.count();
    }

    /** Appends the next genesis events to {@code batch} until it is full; false when there were none left. */
    boolean fill(EventBatch batch) {
        int before = batch.count();
        if (!started) {
            wallets.genesis(batch);
            started = true;
        }
        opened = wallets.open(opened, batch);
        if (opened == wallets.count()) {
            funded = wallets.fund(funded, batch);
        }
        return batch.count() > before;
    }

    /** Applies all of genesis to {@code ledger}, stamping batches from {@code clock}; every event must succeed. */
    static void applyTo(Ledger ledger, Wallets wallets, BatchClock clock) {
        Genesis genesis = new Genesis(wallets);
        EventBatch batch = new EventBatch();
        Results results = new Results();
        while (genesis.fill(batch)) {
            batch.timestampNanos(clock.next(ledger));
            ledger.apply(batch, results);
            requireAllOk(results, "genesis");
            batch.clear();
        }
    }

    /** Setup events that fail mean the benchmark measures something else than it says: stop. */
    static void requireAllOk(Results results, String what) {
        for (int i = 0; i < results.count(); i++) {
            if (results.result(i) != Result.OK) {
                throw new IllegalStateException(what + " event " + i + " failed with " + results.result(i));
            }
        }
    }
}
