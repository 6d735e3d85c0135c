package org.dtenge.node.money;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dtenge.ledger.AccountKind;

/**
 * A ledger account id as the node uses it: 80 bits, {@code hi} holding the top 16 and {@code lo} the
 * low 64, so that a wallet address stays short (see {@link WalletAddress}).
 *
 * <p>The node derives every account id from what defines the account: the servicing intermediary's
 * code, the account kind and the owner's public key. Opening the same wallet twice therefore names the
 * same account, and the ledger answers EXISTS: an intermediary can retry an opening safely. With 80
 * bits, a collision among a hundred million wallets has a probability of about 4 in a billion.
 */
public record AccountId(long hi, long lo) {
    private static final byte[] DOMAIN = "DTENGE-ACCOUNT-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public AccountId {
        if (hi < 0 || hi > 0xFFFF) {
            throw new IllegalArgumentException("account ids are 80 bits: the high part must be 0..65535, not " + hi);
        }
        if (hi == 0 && lo == 0) {
            throw new IllegalArgumentException("account id must not be zero");
        }
    }

    /** The id of the account of {@code kind}, serviced by {@code intermediary}, owned by {@code ownerKey}. */
    public static AccountId derive(long intermediary, AccountKind kind, byte[] ownerKey) {
        if (ownerKey.length != 32) {
            throw new IllegalArgumentException("owner key must be 32 bytes");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(DOMAIN);
        sha256.update(ByteBuffer.allocate(9).putLong(intermediary).put((byte) kind.code).array());
        sha256.update(ownerKey);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        long hi = digest.getShort() & 0xFFFF;
        long lo = digest.getLong();
        if (hi == 0 && lo == 0) {
            lo = 1; // 2^-80: keeps the contract (never zero) without a branch anyone will ever take
        }
        return new AccountId(hi, lo);
    }

    /** The printable, check-digited address of this account. */
    public String address() {
        return WalletAddress.format(this);
    }

    @Override
    public String toString() {
        return address();
    }
}
