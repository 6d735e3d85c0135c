package org.dtenge.programs;

/**
 * How conditions see an account: as text, so that a condition can say {@code credit in ["KZ..."]}. The
 * node supplies its wallet addresses; it must be a pure function of the id, or replay would diverge.
 */
@FunctionalInterface
public interface AccountNames {
    String name(long idHi, long idLo);

    /** Hex of the 128-bit id, for ledgers without the node's addresses (tests, benchmarks). */
    static AccountNames hex() {
        return (hi, lo) -> String.format("%016x%016x", hi, lo);
    }
}
