package org.dtenge.ledger;

/**
 * The kinds of event the ledger applies. The code is the first byte of every event record, so the
 * numbers are part of the journal format and never change meaning.
 */
public enum EventType {
    /** Defines an asset: code, scale and issuance account. */
    CREATE_ASSET(1),
    /** Opens an account (wallet) of an asset. */
    CREATE_ACCOUNT(2),
    /** Moves value: a single-phase transfer, a hold, or the posting or voiding of a hold. */
    TRANSFER(3),
    /** Stops all debits and credits of an account. */
    FREEZE_ACCOUNT(4),
    /** Lifts a freeze. */
    UNFREEZE_ACCOUNT(5),
    /** Closes an empty account for good. */
    CLOSE_ACCOUNT(6),
    /** Moves an account to another tier with new limits. */
    CHANGE_TIER(7),
    /** Instantiates a policy template with parameters so that accounts may carry it. */
    CREATE_POLICY(8),
    /**
     * A record for the node's own registries (participants, keys, roles), carried by the journal so
     * that they too are rebuilt by replay. The ledger journals it and changes nothing.
     */
    RECORD(9);

    private static final EventType[] BY_CODE = new EventType[10];

    static {
        for (EventType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    public final int code;

    EventType(int code) {
        this.code = code;
    }

    /** Whether {@code code} names an event type. */
    public static boolean isValid(int code) {
        return code > 0 && code < BY_CODE.length;
    }

    /** The type for a valid code; see {@link #isValid(int)}. */
    public static EventType of(int code) {
        Check.that(isValid(code), "unknown event type");
        return BY_CODE[code];
    }
}
