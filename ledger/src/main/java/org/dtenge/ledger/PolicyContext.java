package org.dtenge.ledger;

/**
 * A read-only view of the transfer being decided, reused for every question so that asking a policy
 * allocates nothing. Valid only during the call.
 */
public final class PolicyContext {
    /** Why the policy is being asked. */
    public enum Phase {
        /** A single-phase transfer: money moves now; legs are applied. */
        TRANSFER,
        /** A hold is being placed: the policy may decline early; legs are ignored. */
        HOLD,
        /** A hold is being posted: money moves now, by the posted amount; legs are applied. */
        POST
    }

    Phase phase;
    long idHi;
    long idLo;
    long amount;
    int asset;
    int purpose;
    long referenceHi;
    long referenceLo;
    long timestampNanos;
    int day;
    long debitHi;
    long debitLo;
    AccountKind debitKind;
    long debitIntermediary;
    long creditHi;
    long creditLo;
    AccountKind creditKind;
    long creditIntermediary;
    int debitPolicy;
    int creditPolicy;

    public Phase phase() { return phase; }
    public long idHi() { return idHi; }
    public long idLo() { return idLo; }
    public long amount() { return amount; }
    public int asset() { return asset; }
    public int purpose() { return purpose; }
    public long referenceHi() { return referenceHi; }
    public long referenceLo() { return referenceLo; }
    /** The batch time: the only clock a policy may read. */
    public long timestampNanos() { return timestampNanos; }
    /** The ledger day (days since the epoch in the ledger's time zone). */
    public int day() { return day; }
    public long debitHi() { return debitHi; }
    public long debitLo() { return debitLo; }
    public AccountKind debitKind() { return debitKind; }
    public long debitIntermediary() { return debitIntermediary; }
    public long creditHi() { return creditHi; }
    public long creditLo() { return creditLo; }
    public AccountKind creditKind() { return creditKind; }
    public long creditIntermediary() { return creditIntermediary; }
    /** The policy id the debit account carries (0: none), so that a policy can keep money among its own. */
    public int debitPolicy() { return debitPolicy; }
    /** The policy id the credit account carries (0: none). */
    public int creditPolicy() { return creditPolicy; }
}
