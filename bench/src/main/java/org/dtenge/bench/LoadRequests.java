package org.dtenge.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.service.Transfers;

/**
 * The requests of the load, made and signed before the clock starts: payments between random
 * wallets, each signed by the payer's wallet key (docs/api.md, "Canonical payment encoding") and the
 * whole request by the bank; and batches of transfers from the bank's own reserve to random wallets,
 * which need no wallet signature. Signing runs on every core.
 */
final class LoadRequests {
    /** 1.00 tenge per payment: every wallet can pay thousands of times from its cash-in. */
    static final long PAYMENT_TIYN = 100;
    /** 0.01 tenge per batch item: millions of items fit in the reserve. */
    static final long BATCH_ITEM_TIYN = 1;
    private static final long EXPIRY_MILLIS = 15 * 60_000;
    private static final int BINARY_RECORD_BYTES = 152;

    private LoadRequests() {}

    /** {@code count} signed payments, each payer and payee drawn uniformly (never the same wallet). */
    static List<Transport.Prepared> payments(BenchNetwork network, Transport transport, int count, long seed) {
        long expiresAt = expiry();
        return IntStream.range(0, count).parallel().mapToObj(i -> payment(network, transport, seed, i, expiresAt)).toList();
    }

    /** Payment {@code i} of the run {@code seed}, signed now (for the warm-up, which signs as it goes). */
    static Transport.Prepared payment(BenchNetwork network, Transport transport, long seed, int i, long expiresAtMillis) {
        List<BenchNetwork.Wallet> wallets = network.wallets();
        SplittableRandom random = new SplittableRandom((seed << 32) + i);
        BenchNetwork.Wallet payer = wallets.get(random.nextInt(wallets.size()));
        BenchNetwork.Wallet payee = wallets.get(random.nextInt(wallets.size() - 1));
        if (payee == payer) {
            payee = wallets.getLast();
        }
        TransferId id = TransferId.random(random);
        PaymentOrder order = new PaymentOrder(id, payer.id(), payee.id(), PAYMENT_TIYN, Transfers.DT, 0, Reference.NONE,
                expiresAtMillis);
        String body = "{\"id\":\"" + id.hex() + "\",\"payer\":\"" + payer.address() + "\",\"payee\":\"" + payee.address()
                + "\",\"amount\":\"" + Tenge.format(PAYMENT_TIYN) + "\",\"expiresAt\":" + expiresAtMillis
                + ",\"signature\":\"" + Base64Url.encode(order.sign(payer.key())) + "\"}";
        return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** An expiry for payments signed now: later than any run. */
    static long expiry() {
        return System.currentTimeMillis() + EXPIRY_MILLIS;
    }

    /** {@code count} batch requests of {@code items} transfers each, from the bank's reserve to random wallets. */
    static List<Transport.Prepared> batches(BenchNetwork network, Transport transport, int count, int items, long seed) {
        String reserve = network.reserve().address();
        String amount = Tenge.format(BATCH_ITEM_TIYN);
        List<BenchNetwork.Wallet> wallets = network.wallets();
        return IntStream.range(0, count).parallel().mapToObj(b -> {
            SplittableRandom random = new SplittableRandom((seed << 32) + b);
            StringBuilder body = new StringBuilder(items * 128).append("{\"items\":[");
            for (int i = 0; i < items; i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(TransferId.random(random).hex())
                        .append("\",\"payer\":\"").append(reserve)
                        .append("\",\"payee\":\"").append(wallets.get(random.nextInt(wallets.size())).address())
                        .append("\",\"amount\":\"").append(amount).append("\"}");
            }
            body.append("]}");
            return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments/batch",
                    body.toString().getBytes(StandardCharsets.UTF_8)));
        }).toList();
    }

    /** The same batches as {@link #batches}, as binary records ({@code application/vnd.dtenge.batch}, docs/api.md). */
    static List<Transport.Prepared> binaryBatches(BenchNetwork network, Transport transport, int count, int items, long seed) {
        AccountId reserve = network.reserve();
        List<BenchNetwork.Wallet> wallets = network.wallets();
        return IntStream.range(0, count).parallel().mapToObj(b -> {
            SplittableRandom random = new SplittableRandom((seed << 32) + b);
            ByteBuffer body = ByteBuffer.allocate(items * BINARY_RECORD_BYTES);
            for (int i = 0; i < items; i++) {
                TransferId id = TransferId.random(random);
                AccountId payee = wallets.get(random.nextInt(wallets.size())).id();
                int at = i * BINARY_RECORD_BYTES;
                body.putLong(at, id.hi()).putLong(at + 8, id.lo()).putLong(at + 16, reserve.hi()).putLong(at + 24, reserve.lo())
                        .putLong(at + 32, payee.hi()).putLong(at + 40, payee.lo()).putLong(at + 48, BATCH_ITEM_TIYN)
                        .putInt(at + 56, Transfers.DT); // purpose, reference, expiry and signature: zero
            }
            return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments/batch", body.array(),
                    "application/vnd.dtenge.batch"));
        }).toList();
    }
}
