package org.dtenge.programs;

/** Always-on checks for programmer errors (Java's assert is off by default). */
final class Check {
    private Check() {}

    static void that(boolean condition, String invariant) {
        if (!condition) {
            throw new IllegalStateException("invariant broken: " + invariant);
        }
    }
}
