package org.dtenge.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.money.WalletAddress;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;

/** Payment orders as a wallet app makes them: canonical encoding signed with the wallet's key. */
public final class Orders {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());

    private Orders() {}

    /** A fresh transfer id. */
    public static String id() {
        return new TransferId(0x7E57, NEXT.incrementAndGet()).hex();
    }

    public static AccountId account(String address) {
        return ((WalletAddress.Parsed.Valid) WalletAddress.parse(address)).id();
    }

    public static long tiyn(String amount) {
        return ((Tenge.Parsed.Valid) Tenge.parse(amount)).tiyn();
    }

    /** The body of POST /v1/payments, signed by {@code payerKey}, valid for a minute. */
    public static Map<String, Object> payment(SigningKey payerKey, String id, String payer, String payee, String amount) {
        return payment(payerKey, id, payer, payee, amount, System.currentTimeMillis() + 60_000, "");
    }

    public static Map<String, Object> payment(SigningKey payerKey, String id, String payer, String payee, String amount,
                                              long expiresAt, String reference) {
        PaymentOrder order = new PaymentOrder(TransferId.parse(id).orElseThrow(), account(payer), account(payee), tiyn(amount), 1, 0,
                Reference.of(reference).orElseThrow(), expiresAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("payer", payer);
        body.put("payee", payee);
        body.put("amount", amount);
        if (!reference.isEmpty()) {
            body.put("reference", reference);
        }
        body.put("expiresAt", expiresAt);
        body.put("signature", Base64Url.encode(order.sign(payerKey)));
        return body;
    }
}
