package org.dtenge.programs;

/**
 * The reason codes with which contracts decline, as the ledger reports them with POLICY_REJECTED.
 * From 1000 up, so that they never collide with the built-in templates' codes.
 */
public final class Reasons {
    private Reasons() {}

    /** The contract's condition is false for this transfer. */
    public static final int CONDITION_FALSE = 1001;
    /** The contract is paused by its owner. */
    public static final int PAUSED = 1002;
    /** The contract is retired. */
    public static final int RETIRED = 1003;
    /** Evaluating the condition failed (overflow, division by zero...): declined, never allowed by error. */
    public static final int CONDITION_ERROR = 1004;

    /** A sentence for a reason code, for problem details. */
    public static String describe(int reason) {
        return switch (reason) {
            case CONDITION_FALSE -> "the program's condition does not allow this payment";
            case PAUSED -> "the program is paused by its owner";
            case RETIRED -> "the program is retired";
            case CONDITION_ERROR -> "the program's condition could not be evaluated for this payment";
            default -> "declined by the account's policy (reason " + reason + ")";
        };
    }
}
