package org.dtenge.ledger;

/**
 * Where a policy adds linked legs: transfers of the same asset that commit together with the transfer
 * that triggered them. At most {@value #LEGS_MAX} per transfer; reused, never allocated per event.
 */
public final class Legs {
    public static final int LEGS_MAX = 4;

    final long[] debitHi = new long[LEGS_MAX];
    final long[] debitLo = new long[LEGS_MAX];
    final long[] creditHi = new long[LEGS_MAX];
    final long[] creditLo = new long[LEGS_MAX];
    final long[] amount = new long[LEGS_MAX];
    final int[] purpose = new int[LEGS_MAX];
    int count;
    boolean overflowed;

    /**
     * Adds a leg moving {@code amount} from the debit to the credit account. A leg of amount 0 is
     * skipped (a rounding result, not an error). Returns false, and marks the transfer for decline,
     * when the legs are full.
     */
    public boolean add(long debitHi, long debitLo, long creditHi, long creditLo, long amount, int purpose) {
        if (amount == 0) {
            return true;
        }
        if (count == LEGS_MAX) {
            overflowed = true;
            return false;
        }
        this.debitHi[count] = debitHi;
        this.debitLo[count] = debitLo;
        this.creditHi[count] = creditHi;
        this.creditLo[count] = creditLo;
        this.amount[count] = amount;
        this.purpose[count] = purpose;
        count++;
        return true;
    }

    public int count() {
        return count;
    }

    void clear() {
        count = 0;
        overflowed = false;
    }
}
