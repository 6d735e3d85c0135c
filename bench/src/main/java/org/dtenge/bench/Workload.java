package org.dtenge.bench;

import java.util.SplittableRandom;

/**
 * The one workload of the {@code compare} command, as plain numbers that every target turns into its
 * own requests: {@code accounts} accounts (0 to n-1) funded with the same amount, a fee collector
 * (account n), and a seeded sequence of transfers. Payer and payee are drawn from one Zipf ranking
 * (through {@link Wallets}, so busy accounts lie scattered); a share of payments are a payment and its
 * 1% fee to the collector, linked (both or neither); a share are for more than all the money there
 * is, so they must fail for insufficient funds; the rest fail only if the payer ran dry.
 *
 * <p>A <em>unit</em> is what one target transaction holds: one transfer, or a linked pair. No tier
 * limits apply on any target, so that the balance alone decides, as in the PostgreSQL schema.
 */
final class Workload {
    /** Far more than the whole supply of any run: a payment of this must fail on every target. */
    static final long UNPAYABLE_TIYN = 1_000_000_000_000_000L;
    /** 1.00 to 10,000.00 tenge, log-uniform: many coffees, few rents. */
    private static final long[] AMOUNTS = TransferStream.logUniform(1_00, 10_000_00, 1024);

    private final int accounts;
    private final long fundingTiyn;
    private final TransferMix mix;
    private final int[] payer;
    private final int[] payee;
    private final long[] amount;
    /** Index of the first transfer of each unit, and one past the last unit's end. */
    private final int[] unitStart;
    private final int units;
    private final int linkedPairs;
    private final int unpayable;

    private Workload(int accounts, long fundingTiyn, TransferMix mix, int[] payer, int[] payee, long[] amount,
                     int[] unitStart, int units, int linkedPairs, int unpayable) {
        this.accounts = accounts;
        this.fundingTiyn = fundingTiyn;
        this.mix = mix;
        this.payer = payer;
        this.payee = payee;
        this.amount = amount;
        this.unitStart = unitStart;
        this.units = units;
        this.linkedPairs = linkedPairs;
        this.unpayable = unpayable;
    }

    /** {@code transfers} transfers, of which {@code mix.linkedPercent()}% of units are linked pairs. */
    static Workload generate(int accounts, int transfers, long fundingTiyn, TransferMix mix) {
        if (accounts < 2 || transfers < 1 || fundingTiyn < 1) {
            throw new IllegalArgumentException("need at least 2 accounts, 1 transfer and a positive funding");
        }
        if (mix.pendingPercent() != 0) {
            throw new IllegalArgumentException("the comparison has no holds: PostgreSQL's schema has none");
        }
        Wallets ranking = new Wallets(accounts, mix.seed());
        SplittableRandom random = new SplittableRandom(mix.seed());
        Zipf zipf = new Zipf(accounts, mix.zipfExponent(), random.split());
        int[] payer = new int[transfers];
        int[] payee = new int[transfers];
        long[] amount = new long[transfers];
        int[] unitStart = new int[transfers + 1];
        int units = 0;
        int linked = 0;
        int unpayable = 0;
        int i = 0;
        while (i < transfers) {
            unitStart[units++] = i;
            int from = ranking.atRank(zipf.next());
            int to = ranking.atRank(zipf.next());
            while (to == from) {
                to = ranking.atRank(zipf.next());
            }
            int draw = random.nextInt(100);
            long paid = AMOUNTS[random.nextInt(AMOUNTS.length)];
            if (draw < mix.linkedPercent() && i + 2 <= transfers) {
                set(payer, payee, amount, i++, from, to, paid);
                set(payer, payee, amount, i++, from, accounts, fee(paid));
                linked++;
                continue;
            }
            if (draw >= mix.linkedPercent() && draw < mix.linkedPercent() + mix.failingPercent()) {
                paid = UNPAYABLE_TIYN;
                unpayable++;
            }
            set(payer, payee, amount, i++, from, to, paid);
        }
        unitStart[units] = transfers;
        return new Workload(accounts, fundingTiyn, mix, payer, payee, amount, unitStart, units, linked, unpayable);
    }

    private static void set(int[] payer, int[] payee, long[] amount, int i, int from, int to, long paid) {
        payer[i] = from;
        payee[i] = to;
        amount[i] = paid;
    }

    /** The fee of a linked pair: 1% of the payment, rounded up to at least one tiyn. */
    static long fee(long paymentTiyn) {
        return paymentTiyn / 100 + 1;
    }

    /** Accounts drawn as payer or payee; the fee collector is one more. */
    int accounts() {
        return accounts;
    }

    /** Accounts every target creates and funds: the drawn ones and the fee collector. */
    int accountsWithCollector() {
        return accounts + 1;
    }

    int feeCollector() {
        return accounts;
    }

    long fundingTiyn() {
        return fundingTiyn;
    }

    TransferMix mix() {
        return mix;
    }

    int transfers() {
        return payer.length;
    }

    int payer(int transfer) {
        return payer[transfer];
    }

    int payee(int transfer) {
        return payee[transfer];
    }

    long amount(int transfer) {
        return amount[transfer];
    }

    int units() {
        return units;
    }

    /** The first transfer of unit {@code unit}. */
    int unitStart(int unit) {
        return unitStart[unit];
    }

    /** Transfers in unit {@code unit}: 1, or 2 for a linked pair. */
    int unitSize(int unit) {
        return unitStart[unit + 1] - unitStart[unit];
    }

    /** Whether transfer {@code transfer} is the first of a linked pair (linked to the next one). */
    boolean linkedToNext(int transfer) {
        // Only the second leg of a pair pays the collector, and the collector is never drawn: exact.
        return transfer + 1 < payer.length && payee[transfer + 1] == accounts && payee[transfer] != accounts;
    }

    int linkedPairs() {
        return linkedPairs;
    }

    int unpayable() {
        return unpayable;
    }

    /** The units that hold the first {@code transfers} transfers (the last one whole). */
    int unitsFor(long transfers) {
        int low = 0;
        int high = units;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (unitStart[mid] < transfers) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    String describe() {
        return String.format("%,d accounts + fee collector, funded with %s tenge each; %,d transfers in %,d units:"
                        + " %,d linked pairs (payment + 1%% fee), %,d payments for more than the supply; Zipf %.2f, seed %d",
                accounts, org.dtenge.node.money.Tenge.format(fundingTiyn), transfers(), units, linkedPairs, unpayable,
                mix.zipfExponent(), mix.seed());
    }
}
