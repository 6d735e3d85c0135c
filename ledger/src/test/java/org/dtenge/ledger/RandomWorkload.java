package org.dtenge.ledger;

import java.util.SplittableRandom;

/**
 * Seeded random batches over a small set of accounts: transfers (some linked, some holds with
 * timeouts, posts, voids, duplicates, overdrafts, limit breaches), freezes and tier changes. Small
 * account counts make collisions, limits and insufficient funds common.
 */
final class RandomWorkload {
    static final int ACCOUNTS = 12;
    private final SplittableRandom random;
    private long nextTransfer = 1;

    RandomWorkload(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The first batch: policies, accounts with mixed kinds and limits. */
    void genesis(EventBatch batch) {
        batch.createPolicy(1, BuiltInPolicies.REVENUE_SPLIT, 0, 2, 1_000, 5);
        batch.createPolicy(2, BuiltInPolicies.COUNTERPARTY_KINDS,
                1L << AccountKind.MERCHANT.code | 1L << AccountKind.GOVERNMENT.code);
        for (int id = 2; id < 2 + ACCOUNTS; id++) {
            AccountKind kind = id == 2 ? AccountKind.GOVERNMENT : id % 3 == 0 ? AccountKind.MERCHANT : AccountKind.RETAIL;
            int policy = id == 3 ? 1 : id == 4 ? 2 : 0;
            long holding = id % 4 == 0 ? 50_000 : Long.MAX_VALUE;
            long payment = id % 5 == 0 ? 5_000 : Long.MAX_VALUE;
            long daily = id % 2 == 0 ? 20_000 : Long.MAX_VALUE;
            batch.createAccount(0, id, Fixture.DT, kind, 1, new byte[32], 1, holding, payment, daily, policy, 0);
        }
    }

    long account() {
        return 1 + random.nextInt(ACCOUNTS + 1); // includes the issuer (1) and, rarely, a missing id
    }

    void fill(EventBatch batch, int events) {
        for (int i = 0; i < events && !batch.isFull(); i++) {
            int linked = random.nextInt(6) == 0 ? Event.LINKED : 0;
            int roll = random.nextInt(100);
            long amount = random.nextInt(10) == 0 ? random.nextLong(1, 100_000) : random.nextLong(1, 3_000);
            if (roll < 55) {
                long id = random.nextInt(20) == 0 && nextTransfer > 2 ? random.nextLong(1, nextTransfer) : nextTransfer++;
                batch.transfer(0, id, 0, account(), 0, account(), amount, Fixture.DT, linked);
            } else if (roll < 70) {
                batch.transfer(0, nextTransfer++, 0, account(), 0, account(), amount, Fixture.DT,
                        Event.PENDING | linked, 0, 0, 0, 0, 0, random.nextInt(4) * 30);
            } else if (roll < 85) {
                long pending = random.nextLong(1, nextTransfer + 1);
                long post = random.nextBoolean() ? 0 : random.nextLong(1, 3_000);
                batch.transfer(0, nextTransfer++, 0, 0, 0, 0, post, 0, Event.POST_PENDING | linked, 0, pending,
                        0, 0, 0, 0);
            } else if (roll < 92) {
                batch.transfer(0, nextTransfer++, 0, 0, 0, 0, 0, 0, Event.VOID_PENDING | linked, 0,
                        random.nextLong(1, nextTransfer + 1), 0, 0, 0, 0);
            } else if (roll < 95) {
                EventType type = random.nextBoolean() ? EventType.FREEZE_ACCOUNT : EventType.UNFREEZE_ACCOUNT;
                batch.accountStatus(type, 0, account(), linked);
            } else if (roll < 97) {
                long limit = random.nextBoolean() ? 60_000 : Long.MAX_VALUE;
                batch.changeTier(0, 2 + random.nextInt(ACCOUNTS), random.nextInt(3), limit, limit, limit, linked);
            } else {
                batch.transfer(0, nextTransfer++, 0, 1, 0, account(), amount * 10, Fixture.DT, linked);
            }
        }
    }

    /** Seconds to the next batch: mostly small, sometimes past hold timeouts or into the next day. */
    long gapSeconds() {
        int roll = random.nextInt(100);
        return roll < 80 ? 1 + random.nextInt(5) : roll < 98 ? 30 + random.nextInt(90) : 86_400;
    }
}
