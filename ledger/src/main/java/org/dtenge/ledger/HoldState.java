package org.dtenge.ledger;

/** Where a pending transfer (a hold) stands. Single-phase transfers are {@link #NONE}. */
public enum HoldState {
    NONE,
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED;

    private static final HoldState[] VALUES = values();

    public static HoldState of(int ordinal) {
        return VALUES[ordinal];
    }
}
