package org.dtenge.bench;

/**
 * What the generated payments look like. Percentages are of payments: a linked pair (a payment and
 * its fee, all or nothing) is one payment of two events, and so is a hold with its later post or void.
 *
 * @param zipfExponent   skew of the choice of payer and payee (0 uniform, 1 classic Zipf)
 * @param linkedPercent  payments made as a linked pair: payer to payee, then a 1% fee to the collector
 * @param pendingPercent payments made as a hold (timeout one hour) that is posted or voided about
 *                       {@value TransferStream#SETTLE_AFTER_EVENTS} events later
 * @param failingPercent payments for more than the payer may pay (over its payment limit, or over its
 *                       balance for wallets without one), besides those that fail on their own
 * @param seed           everything generated follows from it
 */
record TransferMix(double zipfExponent, int linkedPercent, int pendingPercent, int failingPercent, long seed) {
    static final TransferMix DEFAULT = new TransferMix(1.0, 5, 5, 1, 42);

    TransferMix {
        if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
            throw new IllegalArgumentException("the Zipf exponent must be finite and at least 0: " + zipfExponent);
        }
        if (linkedPercent < 0 || pendingPercent < 0 || failingPercent < 0
                || linkedPercent + pendingPercent + failingPercent > 100) {
            throw new IllegalArgumentException("linked, pending and failing percentages must be at least 0 and add up"
                    + " to at most 100: " + linkedPercent + ", " + pendingPercent + ", " + failingPercent);
        }
    }
}
