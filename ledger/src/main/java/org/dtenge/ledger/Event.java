package org.dtenge.ledger;

/**
 * The binary layout of one event record: {@value #SIZE} bytes, little-endian, reserved bytes zero.
 * The same bytes travel from the sequencer into the ledger, into the journal and into Merkle leaves,
 * so this layout is the journal format.
 *
 * <pre>
 * offset size  all events          TRANSFER          CREATE_ACCOUNT      CHANGE_TIER   CREATE_ASSET     CREATE_POLICY
 *   0     1    type
 *   1     1    reserved (0)
 *   2     2    flags (LINKED, ...)
 *   4     4                        asset             asset               -             asset id         policy id
 *   8    16    id                  transfer id       account id          account id    issuer account   template (4) + 12 zero
 *  24    16                        debit account     owner key [0..16)   -             code (8 ASCII)+scale(1)
 *  40    16                        credit account    owner key [16..32)  -             -
 *  56     8                        amount            intermediary        -             -
 *  64    16                        pending id        holding limit (8)   holding limit
 *                                                    payment limit (8)   payment limit
 *  80    16                        reference         daily limit (8)     daily limit
 *                                                    policy (4) kind(1) tier(1) + 2 zero   tier at 92
 *  96     4                        purpose code
 * 100     4                        timeout seconds
 * 104    24    reserved (0)
 * </pre>
 *
 * FREEZE_ACCOUNT, UNFREEZE_ACCOUNT and CLOSE_ACCOUNT use only type, flags and id. CREATE_POLICY
 * parameters are {@value #POLICY_PARAMS_MAX} longs from offset {@value #POLICY_PARAMS}. RECORD carries
 * {@value #RECORD_PAYLOAD_SIZE} opaque bytes from offset {@value #RECORD_PAYLOAD} that the ledger does
 * not read.
 */
public final class Event {
    private Event() {}

    public static final int SIZE = 128;

    public static final int TYPE = 0;
    public static final int FLAGS = 2;
    public static final int ASSET = 4;
    public static final int ID = 8;

    public static final int DEBIT = 24;
    public static final int CREDIT = 40;
    public static final int AMOUNT = 56;
    public static final int PENDING_ID = 64;
    public static final int REFERENCE = 80;
    public static final int PURPOSE = 96;
    public static final int TIMEOUT = 100;

    public static final int OWNER_KEY = 24;
    public static final int OWNER_KEY_SIZE = 32;
    public static final int INTERMEDIARY = 56;
    public static final int HOLDING_LIMIT = 64;
    public static final int PAYMENT_LIMIT = 72;
    public static final int DAILY_LIMIT = 80;
    public static final int POLICY = 88;
    public static final int KIND = 92;
    public static final int TIER = 93;

    public static final int ASSET_CODE = 24;
    public static final int ASSET_SCALE = 32;

    public static final int POLICY_TEMPLATE = 8;
    public static final int POLICY_PARAMS = 24;
    public static final int POLICY_PARAMS_MAX = 13;

    public static final int RECORD_PAYLOAD = 4;
    public static final int RECORD_PAYLOAD_SIZE = SIZE - RECORD_PAYLOAD;

    /** Where the reserved tail of every record starts. */
    public static final int RESERVED_TAIL = 104;

    /** Flag: this event is linked with the next one; the chain commits all or nothing. */
    public static final int LINKED = 1;
    /** Transfer flag: place a hold (two-phase transfer, first phase). */
    public static final int PENDING = 1 << 1;
    /** Transfer flag: post a hold, fully (amount 0) or partly. */
    public static final int POST_PENDING = 1 << 2;
    /** Transfer flag: release a hold. */
    public static final int VOID_PENDING = 1 << 3;

    static final int FLAGS_KNOWN = LINKED | PENDING | POST_PENDING | VOID_PENDING;
}
