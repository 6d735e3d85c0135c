package org.dtenge.node.http;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.service.BatchItem;
import org.dtenge.node.service.BatchPayments;
import org.dtenge.node.service.Transfers;

/**
 * The binary form of a batch ({@value #MEDIA_TYPE}): records of {@value #RECORD_BYTES} bytes, one per
 * transfer, big-endian, in the layout of the signed payment order ({@link PaymentOrder#encode()}
 * without its domain tag) followed by the payer's signature, so that a client signs a record's first
 * 88 bytes behind the tag:
 *
 * <pre>
 * offset size  field
 *   0    16    transfer id (not zero)
 *  16    16    payer account id (the 80 bits of its address, high part 0..65535)
 *  32    16    payee account id
 *  48     8    amount in tiyn (positive)
 *  56     4    asset id (1 = DT)
 *  60     4    purpose code (0 or positive)
 *  64    16    reference: printable ASCII, zero-padded (all zero: none)
 *  80     8    expiry, Unix milliseconds (0: none; a signed order needs one)
 *  88    64    the payer wallet's Ed25519 signature (all zero: none, for the intermediary's own account)
 * </pre>
 *
 * A record that breaks one of these rules is rejected on its own, like a JSON item that does not parse;
 * a body that is not whole records is refused as a whole. Parsing is a few field reads per record,
 * which is what lets a bank push batches faster than JSON can be read.
 */
final class BinaryBatch {
    static final String MEDIA_TYPE = "application/vnd.dtenge.batch";
    static final int RECORD_BYTES = 152;
    private static final int SIGNATURE_AT = 88;

    private BinaryBatch() {}

    /** The number of records in {@code body}, or a 400 for a body that is not whole records. */
    static int count(byte[] body) {
        if (body.length == 0 || body.length % RECORD_BYTES != 0) {
            throw NodeException.of(ProblemType.MALFORMED_BATCH, "a binary batch is whole records of " + RECORD_BYTES
                    + " bytes; this body has " + body.length + " bytes");
        }
        int count = body.length / RECORD_BYTES;
        if (count > BatchPayments.ITEMS_MAX) {
            throw NodeException.of(ProblemType.TOO_MANY_ITEMS, "a batch holds at most " + BatchPayments.ITEMS_MAX
                    + " transfers, not " + count);
        }
        return count;
    }

    /** The transfer id of record {@code i}, whatever else is wrong with it (zero when it is zero). */
    static String id(byte[] body, int i) {
        ByteBuffer b = ByteBuffer.wrap(body);
        long hi = b.getLong(i * RECORD_BYTES);
        long lo = b.getLong(i * RECORD_BYTES + 8);
        return hi == 0 && lo == 0 ? "" : new TransferId(hi, lo).hex();
    }

    /** Record {@code i} as a batch item, or a {@link NodeException} saying what is wrong with it. */
    static BatchItem item(byte[] body, int i) {
        ByteBuffer b = ByteBuffer.wrap(body, i * RECORD_BYTES, RECORD_BYTES).slice();
        long idHi = b.getLong(0);
        long idLo = b.getLong(8);
        if (idHi == 0 && idLo == 0) {
            throw NodeException.of(ProblemType.INVALID_ID, "record " + i + ": the transfer id is zero");
        }
        AccountId payer = account(b, 16, i, "payer");
        AccountId payee = account(b, 32, i, "payee");
        long amount = b.getLong(48);
        if (amount <= 0) {
            throw NodeException.of(ProblemType.INVALID_AMOUNT, "record " + i + ": amount must be greater than zero tiyn, not "
                    + amount);
        }
        int asset = b.getInt(56);
        if (asset != Transfers.DT) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "record " + i + ": asset must be " + Transfers.DT + " (DT), not "
                    + asset);
        }
        int purpose = b.getInt(60);
        if (purpose < 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "record " + i + ": purpose must be 0 or a positive code, not "
                    + purpose);
        }
        Reference reference = reference(b, i);
        long expiresAt = b.getLong(80);
        if (expiresAt < 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "record " + i + ": expiry must be Unix milliseconds or 0, not "
                    + expiresAt);
        }
        PaymentOrder order = new PaymentOrder(new TransferId(idHi, idLo), payer, payee, amount, asset, purpose, reference,
                expiresAt);
        return new BatchItem(order, signature(b));
    }

    private static AccountId account(ByteBuffer b, int at, int i, String field) {
        long hi = b.getLong(at);
        long lo = b.getLong(at + 8);
        if (hi < 0 || hi > 0xFFFF || hi == 0 && lo == 0) {
            throw NodeException.of(ProblemType.INVALID_ADDRESS, "record " + i + ": " + field + " must be an account id of 80 bits,"
                    + " not zero (high 8 bytes 0..65535), not " + Long.toUnsignedString(hi) + "/" + Long.toUnsignedString(lo));
        }
        return new AccountId(hi, lo);
    }

    /** Printable ASCII, then only zero bytes. */
    private static Reference reference(ByteBuffer b, int i) {
        boolean padding = false;
        for (int k = 0; k < Reference.LENGTH_MAX; k++) {
            byte c = b.get(64 + k);
            if (c == 0) {
                padding = true;
            } else if (padding || c < 0x20 || c > 0x7E) {
                throw NodeException.of(ProblemType.INVALID_FIELD, "record " + i + ": the reference must be printable ASCII"
                        + " padded with zero bytes; byte " + k + " is " + (c & 0xFF));
            }
        }
        return new Reference(b.getLong(64), b.getLong(72));
    }

    private static Optional<byte[]> signature(ByteBuffer b) {
        byte[] signature = new byte[64];
        b.get(SIGNATURE_AT, signature);
        for (byte x : signature) {
            if (x != 0) {
                return Optional.of(signature);
            }
        }
        return Optional.empty();
    }
}
