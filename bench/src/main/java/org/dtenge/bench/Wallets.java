package org.dtenge.bench;

import java.util.SplittableRandom;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;

/**
 * The benchmark's population: one asset (KZT, scale 2), its issuance account, a fee collector, and
 * {@code count} wallets ranked by how often they pay and get paid. Rank 1 is the busiest; ranks map to
 * wallets through a seeded shuffle, so that the busy wallets lie scattered in the ledger's tables as they
 * would in production rather than in its first cache lines.
 *
 * <p>The head of the ranking (one wallet in a hundred, at least one) are business wallets without
 * limits, and take most of the payments (62% of draws for 100,000 wallets at exponent 1); the rest are
 * retail wallets, 30% STANDARD and 70% BASIC, with tier limits. Were the busiest retail wallets as busy
 * as the head of a Zipf ranking, they would spend their daily limit within minutes and the run would
 * measure failures; as it is, a few percent of payments fail on limits and funds.
 */
final class Wallets {
    static final int ASSET = 1;
    static final long ISSUER_HI = 1;
    static final long ISSUER_LO = 1;
    static final long FEES_HI = 1;
    static final long FEES_LO = 2;
    /** Wallet ids: this high half, and a low half scattered by an odd multiplier (a bijection, never 0). */
    static final long WALLET_HI = 2;
    static final long FUNDING_HI = 4;
    private static final long SCATTER = 0x9E3779B97F4A7C15L;
    private static final byte[] NO_OWNER_KEY = new byte[32];

    private final int count;
    /** Wallet index of each rank - 1. */
    private final int[] byRank;
    private final Tier[] tiers;

    Wallets(int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("a payment needs at least two wallets: " + count);
        }
        this.count = count;
        SplittableRandom root = new SplittableRandom(seed);
        this.byRank = shuffled(count, root.split());
        this.tiers = new Tier[count];
        int business = Math.max(1, count / 100);
        SplittableRandom random = root.split();
        for (int rank = 1; rank <= count; rank++) {
            Tier tier = rank <= business ? Tier.BUSINESS : random.nextInt(10) < 3 ? Tier.STANDARD : Tier.BASIC;
            tiers[byRank[rank - 1]] = tier;
        }
    }

    private static int[] shuffled(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    int count() {
        return count;
    }

    /** The wallet (0-based index) at Zipf rank {@code rank} (1-based). */
    int atRank(int rank) {
        return byRank[rank - 1];
    }

    Tier tier(int wallet) {
        return tiers[wallet];
    }

    static long idLo(int wallet) {
        return (wallet + 1L) * SCATTER;
    }

    /** The asset, its issuance account and the fee collector. */
    void genesis(EventBatch batch) {
        batch.createAsset(ASSET, "KZT", 2, ISSUER_HI, ISSUER_LO);
        batch.createAccount(ISSUER_HI, ISSUER_LO, ASSET, AccountKind.ISSUANCE, 0, NO_OWNER_KEY, 0,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
        batch.createAccount(FEES_HI, FEES_LO, ASSET, AccountKind.MERCHANT, 0, NO_OWNER_KEY, Tier.BUSINESS.code,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
    }

    /** Appends CREATE_ACCOUNT events for wallets from {@code from} until the batch is full; returns the next wallet. */
    int open(int from, EventBatch batch) {
        int wallet = from;
        for (; wallet < count && !batch.isFull(); wallet++) {
            Tier tier = tiers[wallet];
            AccountKind kind = tier == Tier.BUSINESS ? AccountKind.MERCHANT : AccountKind.RETAIL;
            long intermediary = 1 + wallet % 20; // twenty banks serve the wallets
            batch.createAccount(WALLET_HI, idLo(wallet), ASSET, kind, intermediary, NO_OWNER_KEY, tier.code,
                    tier.holdingLimit, tier.paymentLimit, tier.dailyLimit, 0, 0);
        }
        return wallet;
    }

    /** Appends the issuer's funding transfer for wallets from {@code from} until the batch is full. */
    int fund(int from, EventBatch batch) {
        int wallet = from;
        for (; wallet < count && !batch.isFull(); wallet++) {
            batch.transfer(FUNDING_HI, wallet + 1L, ISSUER_HI, ISSUER_LO, WALLET_HI, idLo(wallet),
                    tiers[wallet].funding, ASSET, 0);
        }
        return wallet;
    }
}
