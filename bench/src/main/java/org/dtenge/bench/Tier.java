package org.dtenge.bench;

/**
 * The wallet tiers of the benchmark population, amounts in tiyn (1/100 tenge). Retail tiers have a
 * holding limit, a per-payment limit and a daily outflow limit, so every transfer from or to them runs
 * the limit checks; business wallets (the hot payees and payers at the head of the Zipf ranking) have
 * none, like a merchant's account, so that the skew does not turn into a wall of limit failures.
 */
enum Tier {
    BASIC(1, 2_000_000_00L, 200_000_00L, 1_000_000_00L, 200_000_00L),
    STANDARD(2, 20_000_000_00L, 2_000_000_00L, 10_000_000_00L, 1_000_000_00L),
    BUSINESS(3, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1_000_000_000_00L);

    final int code;
    final long holdingLimit;
    final long paymentLimit;
    final long dailyLimit;
    /** What the issuer pays in when the wallet is opened. */
    final long funding;

    Tier(int code, long holdingLimit, long paymentLimit, long dailyLimit, long funding) {
        this.code = code;
        this.holdingLimit = holdingLimit;
        this.paymentLimit = paymentLimit;
        this.dailyLimit = dailyLimit;
        this.funding = funding;
    }

    /** An amount this tier's payer cannot pay: over its payment limit, or else over any balance it can hold. */
    long unpayable() {
        return paymentLimit != Long.MAX_VALUE ? paymentLimit + 1 : Long.MAX_VALUE / 4;
    }
}
