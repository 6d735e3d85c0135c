package org.dtenge.testing;

import java.util.SplittableRandom;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;

/**
 * A seeded stream of submissions that exercises everything the ledger must get right under faults:
 * issuance, transfers between wallets of every tier, linked chains, holds with and without timeouts,
 * posts (full and partial) and voids, duplicates of earlier ids, overdrafts and limit breaches,
 * freezes, tier changes, and policies that split or decline. Few accounts, so collisions are common.
 */
public final class Workload {
    public static final int ASSET = 1;
    public static final long ISSUER = 1;
    public static final int ACCOUNTS = 16;

    private final SplittableRandom random;
    private long nextTransfer = 1;

    public Workload(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Asset, issuance account, policies and wallets: the state every run starts from. */
    public EventBatch genesis() {
        EventBatch batch = new EventBatch(64);
        batch.createAsset(ASSET, "KZT", 2, 0, ISSUER);
        batch.createAccount(0, ISSUER, ASSET, AccountKind.ISSUANCE, 0, new byte[32], 0,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
        batch.createPolicy(1, BuiltInPolicies.REVENUE_SPLIT, 0, 2, 1_200, 9);
        batch.createPolicy(2, BuiltInPolicies.COUNTERPARTY_KINDS,
                1L << AccountKind.MERCHANT.code | 1L << AccountKind.GOVERNMENT.code);
        for (long id = 2; id < 2 + ACCOUNTS; id++) {
            AccountKind kind = id == 2 ? AccountKind.GOVERNMENT : id % 3 == 0 ? AccountKind.MERCHANT : AccountKind.RETAIL;
            int policy = id == 3 ? 1 : id == 4 ? 2 : 0;
            long holding = id % 4 == 0 ? 80_000 : Long.MAX_VALUE;
            long payment = id % 5 == 0 ? 6_000 : Long.MAX_VALUE;
            long daily = id % 2 == 0 ? 30_000 : Long.MAX_VALUE;
            batch.createAccount(0, id, ASSET, kind, id % 4, new byte[32], 1, holding, payment, daily, policy, 0);
        }
        return batch;
    }

    private long account() {
        return 1 + random.nextInt(ACCOUNTS + 2); // the issuer, the wallets, and now and then a missing id
    }

    private long amount() {
        return random.nextInt(12) == 0 ? random.nextLong(1, 120_000) : random.nextLong(1, 4_000);
    }

    private long earlierTransfer() {
        return random.nextLong(1, nextTransfer + 1);
    }

    /** A submission of 1 to {@code eventsMax} events. */
    public EventBatch next(int eventsMax) {
        int count = 1 + random.nextInt(eventsMax);
        EventBatch batch = new EventBatch(count);
        for (int i = 0; i < count; i++) {
            int linked = i < count - 1 && random.nextInt(5) == 0 ? Event.LINKED : 0;
            addOne(batch, linked);
        }
        return batch;
    }

    private void addOne(EventBatch batch, int linked) {
        int roll = random.nextInt(100);
        if (roll < 50) {
            long id = random.nextInt(15) == 0 ? earlierTransfer() : nextTransfer++;
            batch.transfer(0, id, 0, account(), 0, account(), amount(), ASSET, linked);
        } else if (roll < 64) {
            batch.transfer(0, nextTransfer++, 0, account(), 0, account(), amount(), ASSET, Event.PENDING | linked,
                    0, 0, 0, 0, 0, random.nextInt(4) * 20);
        } else if (roll < 80) {
            long posted = random.nextBoolean() ? 0 : random.nextLong(1, 4_000);
            batch.transfer(0, nextTransfer++, 0, 0, 0, 0, posted, 0, Event.POST_PENDING | linked, 0,
                    earlierTransfer(), 0, 0, 0, 0);
        } else if (roll < 87) {
            batch.transfer(0, nextTransfer++, 0, 0, 0, 0, 0, 0, Event.VOID_PENDING | linked, 0, earlierTransfer(),
                    0, 0, 0, 0);
        } else if (roll < 91) {
            EventType type = random.nextBoolean() ? EventType.FREEZE_ACCOUNT : EventType.UNFREEZE_ACCOUNT;
            batch.accountStatus(type, 0, account(), linked);
        } else if (roll < 93) {
            long limit = random.nextBoolean() ? 90_000 : Long.MAX_VALUE;
            batch.changeTier(0, 2 + random.nextInt(ACCOUNTS), random.nextInt(3), limit, limit, limit, linked);
        } else {
            batch.transfer(0, nextTransfer++, 0, ISSUER, 0, account(), amount() * 20, ASSET, linked);
        }
    }
}
