package org.dtenge.ledger;

/**
 * Always-on assertions for programmer errors. Java's {@code assert} is off by default, so the ledger
 * uses these instead: a broken invariant stops the process rather than corrupting money.
 */
public final class Check {
    private Check() {}

    /** Fails with an {@link IllegalStateException} when {@code condition} is false. */
    public static void that(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("invariant broken: " + what);
        }
    }

    /** Fails with an {@link IllegalArgumentException} when an argument is out of its contract. */
    public static void argument(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what);
        }
    }
}
