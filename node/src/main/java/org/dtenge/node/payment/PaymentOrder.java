package org.dtenge.node.payment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.auth.Signatures;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;

/**
 * A payment as its payer signs it. The payer's wallet key signs {@link #encode()}, a fixed 104-byte
 * big-endian encoding, so that no JSON formatting question can change what was signed:
 *
 * <pre>
 * offset size  field
 *   0    16    domain tag, the ASCII bytes "DTENGE-PAYMENT-1"
 *  16    16    payment id (the ledger transfer id), high 8 bytes then low 8 bytes
 *  32    16    payer account id (128 bits; addresses carry the low 80)
 *  48    16    payee account id
 *  64     8    amount in tiyn (signed 64-bit, must be positive)
 *  72     4    asset id (1 = DT)
 *  76     4    purpose code
 *  80    16    reference, up to 16 ASCII characters zero-padded (all zero: none)
 *  96     8    expiry, Unix milliseconds: the node refuses the order after this instant
 * </pre>
 *
 * The domain tag keeps a payment signature from ever being valid as anything else (a request
 * signature starts with "DTENGE-REQUEST-1\n"), and the version in it lets the layout change later.
 */
public record PaymentOrder(TransferId id, AccountId payer, AccountId payee, long amount, int asset, int purpose,
                           Reference reference, long expiresAtMillis) {
    public static final String DOMAIN = "DTENGE-PAYMENT-1";
    public static final int SIZE = 104;

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        out.put(DOMAIN.getBytes(StandardCharsets.US_ASCII));
        out.putLong(id.hi()).putLong(id.lo());
        out.putLong(payer.hi()).putLong(payer.lo());
        out.putLong(payee.hi()).putLong(payee.lo());
        out.putLong(amount).putInt(asset).putInt(purpose);
        out.putLong(reference.hi()).putLong(reference.lo());
        out.putLong(expiresAtMillis);
        return out.array();
    }

    public byte[] sign(SigningKey payerKey) {
        return payerKey.sign(encode());
    }

    public boolean verify(byte[] payerPublicKey, byte[] signature) {
        return Signatures.verify(payerPublicKey, encode(), signature);
    }
}
