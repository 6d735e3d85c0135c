package org.dtenge.node.participant;

import java.util.Arrays;
import java.util.Optional;
import org.dtenge.node.money.AccountId;

/**
 * A bank, Kazpost, the central bank, a government body, an exchange, an app: anyone who talks to the
 * node. {@code code} is the number the ledger writes as an account's servicing intermediary.
 */
public record Participant(String id, long code, String name, Role role, byte[] publicKey) {
    public static final int ID_LENGTH_MAX = 16;
    public static final int NAME_BYTES_MAX = 64;

    public Participant {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("participant id must be 2 to 16 of a-z, 0-9 and '-', starting with a letter: " + id);
        }
        if (code <= 0) {
            throw new IllegalArgumentException("participant code must be positive");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("public key must be 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static boolean isValidId(String id) {
        return id.matches("[a-z][a-z0-9-]{1,15}");
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The account this participant holds itself: the issuance account, its reserve, its settlement... */
    public Optional<AccountId> ownAccount() {
        return role.ownAccountKind().map(kind -> AccountId.derive(code, kind, publicKey));
    }

    /** Same participant in every field. */
    public boolean sameAs(Participant other) {
        return id.equals(other.id) && code == other.code && name.equals(other.name) && role == other.role
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Participant p && sameAs(p);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + " (" + role + ", code " + code + ")";
    }
}
