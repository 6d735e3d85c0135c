package org.dtenge.ledger;

/**
 * The outcome of one event. Business outcomes are values, never exceptions. Within each event type the
 * checks run in the order of declaration here, so the first failing check names the result (as in
 * TigerBeetle, precedence is part of the contract). The ordinal is stored in the journal: append only.
 */
public enum Result {
    OK,
    /** Linked chain: another event of the chain failed, so this one was rolled back. */
    LINKED_EVENT_FAILED,
    /** Linked chain: the batch ended while the chain was still open. */
    LINKED_EVENT_CHAIN_OPEN,
    UNKNOWN_EVENT_TYPE,
    RESERVED_FIELD,
    UNKNOWN_FLAGS,
    ID_MUST_NOT_BE_ZERO,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    /** The same id was applied before with the same fields: idempotent success, nothing changed. */
    EXISTS,
    /** The same id was applied before with different fields: nothing changed. */
    EXISTS_WITH_DIFFERENT_FIELDS,
    ACCOUNTS_MUST_BE_DIFFERENT,
    AMOUNT_MUST_BE_POSITIVE,
    PENDING_ID_MUST_BE_ZERO,
    PENDING_ID_MUST_NOT_BE_ZERO,
    TIMEOUT_RESERVED_FOR_PENDING,
    TIMEOUT_INVALID,
    DEBIT_ACCOUNT_NOT_FOUND,
    CREDIT_ACCOUNT_NOT_FOUND,
    ACCOUNT_NOT_FOUND,
    ASSET_NOT_FOUND,
    ASSET_MISMATCH,
    PENDING_TRANSFER_NOT_FOUND,
    PENDING_TRANSFER_NOT_PENDING,
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT,
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT,
    PENDING_TRANSFER_HAS_DIFFERENT_ASSET,
    PENDING_TRANSFER_ALREADY_POSTED,
    PENDING_TRANSFER_ALREADY_VOIDED,
    PENDING_TRANSFER_EXPIRED,
    EXCEEDS_PENDING_AMOUNT,
    DEBIT_ACCOUNT_CLOSED,
    CREDIT_ACCOUNT_CLOSED,
    DEBIT_ACCOUNT_FROZEN,
    CREDIT_ACCOUNT_FROZEN,
    ACCOUNT_CLOSED,
    ACCOUNT_ALREADY_FROZEN,
    ACCOUNT_NOT_FROZEN,
    ACCOUNT_NOT_EMPTY,
    KIND_INVALID,
    LIMITS_INVALID,
    ISSUANCE_ACCOUNT_MISMATCH,
    ASSET_CODE_INVALID,
    ASSET_SCALE_INVALID,
    POLICY_NOT_FOUND,
    POLICY_TEMPLATE_UNKNOWN,
    POLICY_PARAMETERS_INVALID,
    PAYMENT_LIMIT_EXCEEDED,
    INSUFFICIENT_FUNDS,
    DAILY_LIMIT_EXCEEDED,
    HOLDING_LIMIT_EXCEEDED,
    OVERFLOWS_BALANCE,
    /** An account's policy declined; {@link Results#reason(int)} carries the policy's reason code. */
    POLICY_REJECTED,
    /** A policy asked for more legs than a transfer may carry. */
    POLICY_LEGS_EXCEEDED;

    private static final Result[] VALUES = values();

    /** The result for a stored ordinal. */
    public static Result of(int ordinal) {
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("unknown result ordinal " + ordinal);
        }
        return VALUES[ordinal];
    }

    /** OK and EXISTS both mean the event's effect is in the ledger. */
    public boolean isApplied() {
        return this == OK || this == EXISTS;
    }
}
