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

    /** A reward pool pays only rewards: the purpose is not the pool's reward purpose. */
    public static final int NOT_A_REWARD = 1005;
    /** A reward above the pool's daily cap. */
    public static final int ABOVE_DAILY_CAP = 1006;

    /** A sentence for a reason code, for problem details. */
    public static String describe(int reason) {
        return switch (reason) {
            case CONDITION_FALSE -> "the program's condition does not allow this payment";
            case PAUSED -> "the program is paused by its owner";
            case RETIRED -> "the program is retired";
            case CONDITION_ERROR -> "the program's condition could not be evaluated for this payment";
            case NOT_A_REWARD -> "the reward pool pays out only rewards";
            case ABOVE_DAILY_CAP -> "the reward is above the pool's daily cap";
            default -> "declined by the account's policy (reason " + reason + ")";
        };
    }
}
