package org.dtenge.node.chain;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.money.TransferId;

/**
 * The payer's signature of a payment, kept in the journal right after the payment's TRANSFER event,
 * in the same linked chain (so both commit or neither does). With the TRANSFER's fields and the expiry
 * here, anyone holding the journal can re-check the signature over the canonical payment encoding.
 * Payload (big-endian, zero-padded to 124 bytes):
 *
 * <pre>
 * offset size
 *   0     1   kind = 2 (PAYMENT_SIGNATURE)
 *   1     1   version = 1
 *   2     2   zero
 *   4    16   payment (transfer) id
 *  20     8   expiry, Unix milliseconds
 *  28    64   Ed25519 signature
 * </pre>
 */
public record SignatureRecord(TransferId payment, long expiresAtMillis, byte[] signature) {
    private static final int VERSION = 1;

    public SignatureRecord {
        if (signature.length != 64) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(92);
        out.put((byte) RecordKind.PAYMENT_SIGNATURE.code).put((byte) VERSION).putShort((short) 0);
        out.putLong(payment.hi()).putLong(payment.lo()).putLong(expiresAtMillis).put(signature);
        return out.array();
    }

    public static Optional<SignatureRecord> decode(EventBatch batch, int index) {
        ByteBuffer in = ByteBuffer.wrap(RecordKind.payload(batch, index));
        if (in.get() != RecordKind.PAYMENT_SIGNATURE.code || in.get() != VERSION) {
            return Optional.empty();
        }
        in.getShort();
        long hi = in.getLong();
        long lo = in.getLong();
        long expiry = in.getLong();
        byte[] signature = new byte[64];
        in.get(signature);
        if (hi == 0 && lo == 0) {
            return Optional.empty();
        }
        return Optional.of(new SignatureRecord(new TransferId(hi, lo), expiry, signature));
    }
}
