package org.dtenge.node.program;

import java.util.List;

/**
 * A tax contract's statement for its merchant: every sale and refund with its tax leg, and totals
 * that reconcile to the tiyn: {@code gross - refunds == net + tax} and the tax equals what the budget
 * account received from this merchant's legs.
 */
public record Statement(String merchant, String budget, List<Line> lines, long grossTiyn, long refundsTiyn, long taxTiyn,
                        long netTiyn) {
    /** One payment: {@code tiyn} is positive for a sale, negative for a refund; so is the tax. */
    public record Line(String payment, long atNanos, long tiyn, long taxTiyn) {}
}
