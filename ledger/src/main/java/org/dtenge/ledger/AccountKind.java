package org.dtenge.ledger;

/** What an account is for. Only {@link #ISSUANCE} accounts may have a negative balance. */
public enum AccountKind {
    ISSUANCE(1),
    BANK_RESERVE(2),
    RETAIL(3),
    MERCHANT(4),
    GOVERNMENT(5),
    PROGRAM(6),
    OFFLINE_FLOAT(7),
    SETTLEMENT(8);

    private static final AccountKind[] BY_CODE = new AccountKind[9];

    static {
        for (AccountKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    public final int code;

    AccountKind(int code) {
        this.code = code;
    }

    public static boolean isValid(int code) {
        return code > 0 && code < BY_CODE.length;
    }

    public static AccountKind of(int code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("unknown account kind " + code); // no message built on the hot path
        }
        return BY_CODE[code];
    }
}
