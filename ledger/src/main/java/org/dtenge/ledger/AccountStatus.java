package org.dtenge.ledger;

/** An account's state. Frozen accounts take no debits or credits; closed accounts never come back. */
public enum AccountStatus {
    ACTIVE,
    FROZEN,
    CLOSED;

    private static final AccountStatus[] VALUES = values();

    public static AccountStatus of(int ordinal) {
        return VALUES[ordinal];
    }
}
