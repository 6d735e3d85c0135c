package org.dtenge.ledger;

/**
 * A transfer as applied, a copy. For a post or void, {@code pendingIdHi/Lo} name the hold it settled;
 * for a policy leg, {@code parentIdHi/Lo} name the transfer whose policy added it (zero otherwise).
 */
public record Transfer(long idHi, long idLo, long debitHi, long debitLo, long creditHi, long creditLo,
                       long amount, int asset, int flags, long pendingIdHi, long pendingIdLo,
                       long parentIdHi, long parentIdLo, long referenceHi, long referenceLo, int purpose,
                       int timeoutSeconds, long timestampNanos, HoldState holdState) {}
