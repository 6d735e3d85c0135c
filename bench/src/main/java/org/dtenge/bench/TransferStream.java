package org.dtenge.bench;

import java.util.SplittableRandom;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;

/**
 * A seeded stream of TRANSFER events between {@link Wallets}, in the proportions of a {@link TransferMix}:
 * single payments, linked payment-and-fee pairs, holds that are posted (fully or partly) or voided a
 * little later, and payments bound to fail. Payer and payee are drawn from the same Zipf ranking.
 *
 * <p>Transfer ids are {@code (TRANSFER_HI, n)} for n = 1, 2, ... in stream order, so that a batch can be
 * reused with fresh ids by adding a constant (see {@link BatchCycle}). Generation is not the thing being
 * measured: callers generate before they measure.
 */
final class TransferStream {
    static final long TRANSFER_HI = 3;
    /** How far behind its hold a post or void comes: most holds settle in the next batch. */
    static final int SETTLE_AFTER_EVENTS = 2_000;
    static final int HOLD_TIMEOUT_SECONDS = 3_600;
    private static final int PURPOSE_PAYMENT = 1;
    private static final int PURPOSE_FEE = 2;
    /** Amounts are log-uniform from 1 to 50,000 tenge: many coffees, few rents. */
    private static final long[] AMOUNTS = logUniform(1_00, 50_000_00, 1024);

    private final Wallets wallets;
    private final TransferMix mix;
    private final SplittableRandom random;
    private final Zipf zipf;
    private long nextId = 1;
    private long position;

    /** Holds waiting to be settled, oldest first, in a ring. */
    private long[] holdIds = new long[1024];
    private long[] holdAmounts = new long[1024];
    private long[] holdDue = new long[1024];
    private int holdHead;
    private int holdCount;

    private long singles;
    private long linkedPairs;
    private long holds;
    private long posts;
    private long partialPosts;
    private long voids;
    private long failing;

    TransferStream(Wallets wallets, TransferMix mix) {
        this.wallets = wallets;
        this.mix = mix;
        this.random = new SplittableRandom(mix.seed());
        this.zipf = new Zipf(wallets.count(), mix.zipfExponent(), random.split());
    }

    /** {@code count} amounts from {@code min} to {@code max}, evenly spaced on a log scale. */
    static long[] logUniform(long min, long max, int count) {
        long[] values = new long[count];
        double ratio = Math.log((double) max / min);
        for (int i = 0; i < count; i++) {
            values[i] = Math.round(min * Math.exp(ratio * i / (count - 1)));
        }
        return values;
    }

    /** Holds placed and not yet settled. */
    int openHolds() {
        return holdCount;
    }

    /** Ids used so far: the next transfer gets {@code idsUsed() + 1}. */
    long idsUsed() {
        return nextId - 1;
    }

    /**
     * Appends up to {@code eventsMax} events, stopping when the batch is full. With {@code closing}, places
     * no new holds and settles every open one within this batch, so that the stream leaves nothing
     * pending behind it (what a cycle of reused batches needs). Returns the number of events appended.
     */
    int fill(EventBatch batch, long eventsMax, boolean closing) {
        int added = 0;
        while (!batch.isFull() && added < eventsMax) {
            long room = Math.min(batch.capacity() - batch.count(), eventsMax - added);
            if (holdCount > 0 && (holdDue[holdHead] <= position || closing && room <= holdCount)) {
                settle(batch);
                added++;
                continue;
            }
            long reserved = closing ? holdCount : 0;
            int draw = random.nextInt(100);
            if (draw < mix.linkedPercent()) {
                if (room - reserved >= 2) {
                    linkedPair(batch);
                    added += 2;
                    continue;
                }
            } else if (draw < mix.linkedPercent() + mix.pendingPercent()) {
                if (!closing) {
                    hold(batch);
                    added++;
                    continue;
                }
            } else if (draw < mix.linkedPercent() + mix.pendingPercent() + mix.failingPercent()) {
                int payer = payer();
                pay(batch, payer, payee(payer), wallets.tier(payer).unpayable(), 0);
                failing++;
                added++;
                continue;
            }
            int payer = payer();
            pay(batch, payer, payee(payer), amount(), 0);
            singles++;
            added++;
        }
        return added;
    }

    private int payer() {
        return wallets.atRank(zipf.next());
    }

    private int payee(int payer) {
        int payee = wallets.atRank(zipf.next());
        while (payee == payer) {
            payee = wallets.atRank(zipf.next());
        }
        return payee;
    }

    private long amount() {
        return AMOUNTS[random.nextInt(AMOUNTS.length)];
    }

    private void pay(EventBatch batch, int payer, int payee, long amount, int flags) {
        long id = nextId++;
        position++;
        batch.transfer(TRANSFER_HI, id, Wallets.WALLET_HI, Wallets.idLo(payer), Wallets.WALLET_HI,
                Wallets.idLo(payee), amount, Wallets.ASSET, flags, 0, 0, 0, id, PURPOSE_PAYMENT, 0);
    }

    /** A payment and its 1% fee, linked: if the payer cannot cover both, neither happens. */
    private void linkedPair(EventBatch batch) {
        int payer = payer();
        long amount = amount();
        pay(batch, payer, payee(payer), amount, Event.LINKED);
        long id = nextId++;
        position++;
        batch.transfer(TRANSFER_HI, id, Wallets.WALLET_HI, Wallets.idLo(payer), Wallets.FEES_HI, Wallets.FEES_LO,
                amount / 100 + 1, Wallets.ASSET, 0, 0, 0, 0, id, PURPOSE_FEE, 0);
        linkedPairs++;
    }

    /** A card-style authorisation: funds held now, captured or released later. */
    private void hold(EventBatch batch) {
        int payer = payer();
        long amount = amount();
        long id = nextId++;
        position++;
        batch.transfer(TRANSFER_HI, id, Wallets.WALLET_HI, Wallets.idLo(payer), Wallets.WALLET_HI,
                Wallets.idLo(payee(payer)), amount, Wallets.ASSET, Event.PENDING, 0, 0, 0, id, PURPOSE_PAYMENT,
                HOLD_TIMEOUT_SECONDS);
        if (holdCount == holdIds.length) {
            growHolds();
        }
        int tail = (holdHead + holdCount) % holdIds.length;
        holdIds[tail] = id;
        holdAmounts[tail] = amount;
        holdDue[tail] = position + SETTLE_AFTER_EVENTS;
        holdCount++;
        holds++;
    }

    /** Settles the oldest open hold: 80% posted in full, 10% posted in part, 10% voided. */
    private void settle(EventBatch batch) {
        long holdId = holdIds[holdHead];
        long held = holdAmounts[holdHead];
        holdHead = (holdHead + 1) % holdIds.length;
        holdCount--;
        int draw = random.nextInt(10);
        int flags = draw == 0 ? Event.VOID_PENDING : Event.POST_PENDING;
        long amount = draw == 1 ? Math.max(1, held / 2) : 0; // 0 posts or voids the whole hold
        long id = nextId++;
        position++;
        batch.transfer(TRANSFER_HI, id, 0, 0, 0, 0, amount, 0, flags, TRANSFER_HI, holdId, 0, id, PURPOSE_PAYMENT, 0);
        if (draw == 0) {
            voids++;
        } else if (draw == 1) {
            partialPosts++;
        } else {
            posts++;
        }
    }

    private void growHolds() {
        int capacity = holdIds.length * 2;
        long[] ids = new long[capacity];
        long[] amounts = new long[capacity];
        long[] due = new long[capacity];
        for (int i = 0; i < holdCount; i++) {
            int from = (holdHead + i) % holdIds.length;
            ids[i] = holdIds[from];
            amounts[i] = holdAmounts[from];
            due[i] = holdDue[from];
        }
        holdIds = ids;
        holdAmounts = amounts;
        holdDue = due;
        holdHead = 0;
    }

    /** What was generated, for the report. */
    String describe() {
        long events = idsUsed();
        return String.format("%,d events: %,d single payments, %,d linked pairs (%,d events), %,d holds settled by"
                        + " %,d full posts, %,d partial posts and %,d voids (%,d still open), %,d payments meant to fail",
                events, singles, linkedPairs, 2 * linkedPairs, holds, posts, partialPosts, voids, holdCount, failing);
    }
}
