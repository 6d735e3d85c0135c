package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing in steady state. Counts bytes allocated by this thread (HotSpot's
 * per-thread counter) across many applied batches of transfers, holds, posts and linked pairs, after
 * a warm-up that lets tables reach their size.
 */
class AllocationTest {
    @Test
    void applyAllocatesNothingInSteadyState() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Ledger ledger = new Ledger(new Ledger.Config(1024, 400_000, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS),
                new BuiltInPolicies());
        Fixture f = new Fixture(ledger);
        f.batch.createPolicy(1, BuiltInPolicies.REVENUE_SPLIT, 0, 2, 1_000, 0);
        for (int id = 2; id < 100; id++) {
            f.account(id, AccountKind.RETAIL, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, id == 50 ? 1 : 0, 0);
        }
        f.commit();
        for (int id = 2; id < 100; id++) {
            f.fund(id, 1_000_000_000);
        }
        long[] next = {1};
        Runnable round = () -> {
            for (int i = 0; i < 1000; i++) {
                long id = next[0]++;
                long debit = 2 + id % 98;
                long credit = 2 + (id * 7 + 3) % 98;
                if (debit == credit) {
                    credit = debit == 99 ? 2 : debit + 1;
                }
                switch ((int) (id % 5)) {
                    case 0 -> f.hold(id, debit, credit, 5, 1);
                    case 1 -> f.post(id, id - 1, 3);
                    case 2 -> f.transfer(id, debit, credit, 7, Event.LINKED);
                    default -> f.transfer(id, debit, credit, 1);
                }
            }
            f.batch.timestampNanos(f.now += Fixture.SECOND);
            ledger.apply(f.batch, f.results);
            f.batch.clear();
        };
        for (int i = 0; i < 100; i++) {
            round.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            round.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 100,000 events").isLessThan(1_000);
    }
}
