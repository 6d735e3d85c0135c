package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;

/**
 * The generated workload is what the benchmarks say it is: it applies cleanly to a freshly opened
 * population (failures only of the kinds the mix means to cause), and a reused ring of batches turns
 * into new transfers each round rather than into duplicates.
 */
class BatchCycleTest {
    /** What the mix may produce: limits and funds failures, and what follows from them. */
    private static final Set<Result> EXPECTED = EnumSet.of(Result.OK, Result.INSUFFICIENT_FUNDS,
            Result.PAYMENT_LIMIT_EXCEEDED, Result.DAILY_LIMIT_EXCEEDED, Result.HOLDING_LIMIT_EXCEEDED,
            Result.LINKED_EVENT_FAILED, Result.PENDING_TRANSFER_NOT_FOUND);

    @Test
    void roundsOfTheRingApplyAsFreshTransfersInTheIntendedMix() {
        Wallets wallets = new Wallets(5_000, 11);
        Ledger ledger = new Ledger(new Ledger.Config(5_002, 200_000, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS),
                new BuiltInPolicies());
        BatchClock clock = BatchClock.simulated(1_767_585_600_000_000_000L, ApplyBenchmark.BATCH_STEP_NANOS);
        Genesis.applyTo(ledger, wallets, clock);
        assertThat(ledger.accountCount()).isEqualTo(5_002);
        assertThat(ledger.account(Wallets.WALLET_HI, Wallets.idLo(0)).orElseThrow().balance())
                .isEqualTo(wallets.tier(0).funding);

        TransferStream stream = new TransferStream(wallets, TransferMix.DEFAULT);
        BatchCycle cycle = new BatchCycle(stream, 4);
        assertThat(stream.openHolds()).as("the ring settles every hold it places").isZero();
        Results results = new Results();
        ResultTally tally = new ResultTally();
        for (int i = 0; i < 3 * cycle.size(); i++) {
            EventBatch batch = cycle.next();
            assertThat(batch.count()).isEqualTo(EventBatch.EVENTS_MAX);
            batch.timestampNanos(clock.next(ledger));
            ledger.apply(batch, results);
            tally.add(results);
        }
        for (Result result : Result.values()) {
            if (!EXPECTED.contains(result)) {
                assertThat(tally.count(result)).as("%s in %s", result, tally.describe()).isZero();
            }
        }
        assertThat((double) tally.count(Result.OK) / tally.total()).as(tally.describe()).isGreaterThan(0.9);
        assertThat(tally.count(Result.PAYMENT_LIMIT_EXCEEDED)).as("payments meant to fail").isPositive();
    }

    @Test
    void theMixHasWhatItsOptionsAsk() {
        Wallets wallets = new Wallets(1_000, 3);
        TransferStream stream = new TransferStream(wallets, new TransferMix(1.0, 10, 20, 0, 3));
        EventBatch batch = new EventBatch();
        stream.fill(batch, Long.MAX_VALUE, false);
        int linked = 0;
        int holds = 0;
        for (int i = 0; i < batch.count(); i++) {
            linked += (batch.flags(i) & org.dtenge.ledger.Event.LINKED) != 0 ? 1 : 0;
            holds += (batch.flags(i) & org.dtenge.ledger.Event.PENDING) != 0 ? 1 : 0;
        }
        // Payments = events - linked pairs - settlements; about 10% of them pairs and 20% holds.
        assertThat(linked).isBetween(600, 900);
        assertThat(holds).isBetween(1_300, 1_800);
    }
}
