package org.dtenge.ledger;

/**
 * Programmable money's hook into the ledger. An account may carry a policy; the ledger asks it when
 * the account is debited or credited and it may decline with a reason code or add linked legs that
 * commit with the transfer or not at all.
 *
 * <p>Policies run on the sequencer thread inside {@code apply}: they must be deterministic (time only
 * from {@link PolicyContext#timestampNanos()}), free of side effects and I/O, and allocate nothing.
 * Legs are full transfers (funds, limits and status are checked) but do not consult policies again,
 * so the cost of one transfer stays bounded.
 */
public interface Policy {
    /** Allow the transfer. Any other return value is a reason code 1..65535 and declines it. */
    int ALLOW = 0;

    /** Asked when the account carrying this policy is the debit side. */
    int onDebit(PolicyContext transfer, Legs legs);

    /** Asked when the account carrying this policy is the credit side. */
    int onCredit(PolicyContext transfer, Legs legs);
}
