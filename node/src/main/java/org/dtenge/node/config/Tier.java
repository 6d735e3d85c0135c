package org.dtenge.node.config;

/**
 * A wallet tier: how much KYC the intermediary did, and so the limits the ledger enforces. Limits are
 * in tiyn; {@link Long#MAX_VALUE} means none. The code is what the ledger stores in the account.
 */
public record Tier(int code, String name, long holdingLimit, long paymentLimit, long dailyLimit) {
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public Tier {
        if (code < 1 || code > 127) {
            throw new IllegalArgumentException("tier code must be 1..127");
        }
        if (holdingLimit <= 0 || paymentLimit <= 0 || dailyLimit <= 0) {
            throw new IllegalArgumentException("tier " + name + ": limits must be positive");
        }
    }
}
