package org.dtenge.node.program;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dtenge.node.money.AccountId;

/**
 * The id of the account a program opens for a wallet's owner: derived from the program and the
 * wallet, so that enrolling the same wallet twice names the same account (the ledger answers EXISTS)
 * and a child in two programs has two allowances, never one shared.
 */
final class ProgramAccount {
    private static final byte[] DOMAIN = "DTENGE-PROGRAM-1".getBytes(StandardCharsets.US_ASCII);

    private ProgramAccount() {}

    static AccountId derive(int program, AccountId wallet) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(DOMAIN);
        sha256.update(ByteBuffer.allocate(20).putInt(program).putLong(wallet.hi()).putLong(wallet.lo()).array());
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        long hi = digest.getShort() & 0xFFFF;
        long lo = digest.getLong();
        return new AccountId(hi, hi == 0 && lo == 0 ? 1 : lo);
    }
}
