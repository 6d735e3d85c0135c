package org.dtenge.programs;

import java.util.Optional;

/** Where a contract is in its life. The code is journaled in status records. */
public enum ContractStatus {
    ACTIVE(0),
    /** Declines what it governs (except money returning to its return account) until resumed. */
    PAUSED(1),
    /** Like paused, for good: a retired contract never becomes active again; its history stays. */
    RETIRED(2);

    public final int code;

    ContractStatus(int code) {
        this.code = code;
    }

    public static Optional<ContractStatus> of(int code) {
        for (ContractStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether the owner may move a contract from this status to {@code next}. */
    public boolean mayBecome(ContractStatus next) {
        return switch (this) {
            case ACTIVE -> next != ACTIVE;
            case PAUSED -> next != PAUSED;
            case RETIRED -> false;
        };
    }
}
