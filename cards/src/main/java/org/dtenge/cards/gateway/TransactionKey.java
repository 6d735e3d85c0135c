package org.dtenge.cards.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dtenge.node.money.TransferId;

/**
 * What identifies one card transaction across its messages: the card (keyed hash of its PAN), the
 * acquirer (DE 32), the terminal (DE 41) and the retrieval reference number (DE 37). An authorization,
 * its completion and its reversal carry the same four, while the STAN changes with each message; so
 * these, not the STAN, name the original. Each transfer id is a hash of the key and the operation,
 * so a repeated message names the same transfer and the ledger applies it once.
 */
public record TransactionKey(byte[] panHash, String acquirer, String terminal, String rrn) {
    private static final byte[] DOMAIN = "DTENGE-CARD-TX-1".getBytes(StandardCharsets.US_ASCII);

    public TransferId transferId(Operation operation) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(DOMAIN);
        sha256.update((byte) operation.code);
        sha256.update(panHash);
        for (String element : new String[] {acquirer, terminal, rrn}) {
            byte[] bytes = element.getBytes(StandardCharsets.US_ASCII);
            sha256.update((byte) bytes.length); // length-prefixed: "ab"+"c" is not "a"+"bc"
            sha256.update(bytes);
        }
        java.nio.ByteBuffer digest = java.nio.ByteBuffer.wrap(sha256.digest());
        long hi = digest.getLong();
        long lo = digest.getLong();
        return hi == 0 && lo == 0 ? new TransferId(0, 1) : new TransferId(hi, lo);
    }

    /** DE 38: six characters from the hold's or purchase's id, the same on every repeat. */
    public static String approvalCode(TransferId id) {
        return id.hex().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }
}
