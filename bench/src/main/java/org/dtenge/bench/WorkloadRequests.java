package org.dtenge.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.service.Transfers;

/**
 * The workload's transfers as signed node requests, made before the clock starts (signing runs on
 * every core): single payments, each signed by the payer's wallet key and the request by the bank;
 * and bank batches, whose items carry the wallet's signature or, for the bank's own payouts, come from
 * its reserve and need none. Workload account {@code i} is the network's wallet {@code i}. Transfer
 * {@code t} gets the id {@code (tag, t + 1)}: each phase its own tag, so phases never collide.
 *
 * <p>The API has no linked transfers: a linked pair goes as its two transfers, each on its own.
 */
final class WorkloadRequests {
    private static final long EXPIRY_MILLIS = 15 * 60_000;

    private WorkloadRequests() {}

    /** The first {@code count} transfers as single payments. */
    static List<Transport.Prepared> payments(BenchNetwork network, Transport transport, Workload workload, int count,
                                             long tag) {
        long expiresAt = System.currentTimeMillis() + EXPIRY_MILLIS;
        return IntStream.range(0, count).parallel().mapToObj(t -> {
            byte[] body = signedItem(network, workload, t, tag, expiresAt).getBytes(StandardCharsets.UTF_8);
            return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments", body));
        }).toList();
    }

    /**
     * The first {@code count} transfers in batch requests of {@code items}; with {@code fromReserve}, every
     * payer is replaced by the bank's reserve (same payees, amounts and order; no wallet signatures).
     */
    static List<Transport.Prepared> batches(BenchNetwork network, Transport transport, Workload workload, int count,
                                            int items, long tag, boolean fromReserve) {
        long expiresAt = System.currentTimeMillis() + EXPIRY_MILLIS;
        int requests = (count + items - 1) / items;
        return IntStream.range(0, requests).parallel().mapToObj(r -> {
            StringBuilder body = new StringBuilder(items * 260).append("{\"items\":[");
            for (int t = r * items; t < Math.min(count, (r + 1) * items); t++) {
                body.append(t == r * items ? "" : ",").append(fromReserve ? reserveItem(network, workload, t, tag)
                        : signedItem(network, workload, t, tag, expiresAt));
            }
            body.append("]}");
            return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments/batch",
                    body.toString().getBytes(StandardCharsets.UTF_8)));
        }).toList();
    }

    /** The reserve payouts of {@link #batches} as binary records (application/vnd.dtenge.batch, docs/api.md). */
    static List<Transport.Prepared> binaryBatches(BenchNetwork network, Transport transport, Workload workload, int count,
                                                  int items, long tag) {
        int requests = (count + items - 1) / items;
        AccountId reserve = network.reserve();
        return IntStream.range(0, requests).parallel().mapToObj(r -> {
            int first = r * items;
            int last = Math.min(count, (r + 1) * items);
            ByteBuffer body = ByteBuffer.allocate((last - first) * 152);
            for (int t = first; t < last; t++) {
                AccountId payee = network.wallets().get(workload.payee(t)).id();
                int at = (t - first) * 152;
                body.putLong(at, tag).putLong(at + 8, t + 1L).putLong(at + 16, reserve.hi()).putLong(at + 24, reserve.lo())
                        .putLong(at + 32, payee.hi()).putLong(at + 40, payee.lo()).putLong(at + 48, workload.amount(t))
                        .putInt(at + 56, Transfers.DT);
            }
            return transport.prepare(SignedRequest.post(network.signer(), "/v1/payments/batch", body.array(),
                    "application/vnd.dtenge.batch"));
        }).toList();
    }

    /** A payment of transfer {@code t} signed by the payer's wallet key: the body of POST /v1/payments, or a batch item. */
    static String signedItem(BenchNetwork network, Workload workload, int t, long tag, long expiresAtMillis) {
        BenchNetwork.Wallet payer = network.wallets().get(workload.payer(t));
        BenchNetwork.Wallet payee = network.wallets().get(workload.payee(t));
        TransferId id = new TransferId(tag, t + 1L);
        PaymentOrder order = new PaymentOrder(id, payer.id(), payee.id(), workload.amount(t), Transfers.DT, 0,
                Reference.NONE, expiresAtMillis);
        return "{\"id\":\"" + id.hex() + "\",\"payer\":\"" + payer.address() + "\",\"payee\":\"" + payee.address()
                + "\",\"amount\":\"" + Tenge.format(workload.amount(t)) + "\",\"expiresAt\":" + expiresAtMillis
                + ",\"signature\":\"" + Base64Url.encode(order.sign(payer.key())) + "\"}";
    }

    private static String reserveItem(BenchNetwork network, Workload workload, int t, long tag) {
        return "{\"id\":\"" + new TransferId(tag, t + 1L).hex() + "\",\"payer\":\"" + network.reserve().address()
                + "\",\"payee\":\"" + network.wallets().get(workload.payee(t)).address() + "\",\"amount\":\""
                + Tenge.format(workload.amount(t)) + "\"}";
    }
}
