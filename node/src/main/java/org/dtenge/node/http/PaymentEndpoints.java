package org.dtenge.node.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.service.BatchItem;
import org.dtenge.node.service.BatchPayments;
import org.dtenge.node.service.ItemResult;
import org.dtenge.node.service.Payments;
import org.dtenge.node.service.Queries;
import org.dtenge.node.service.Transfers;

/** POST /v1/payments, POST /v1/payments/batch, GET /v1/payments/{id} and its receipt. */
final class PaymentEndpoints {
    private final Payments payments;
    private final BatchPayments batches;
    private final Queries queries;
    private final Views views;

    PaymentEndpoints(Payments payments, BatchPayments batches, Queries queries, Views views) {
        this.payments = payments;
        this.batches = batches;
        this.queries = queries;
        this.views = views;
    }

    /** A payment order and the payer's signature of its canonical encoding (docs/api.md). */
    record Payment(String id, String payer, String payee, String amount, Optional<Integer> purpose, Optional<String> reference,
                   Long expiresAt, String signature) {}

    /** A batch item; the signature and expiry are needed when the payer is a customer's wallet. */
    record Item(String id, String payer, String payee, String amount, Optional<Integer> purpose, Optional<String> reference,
                Optional<Long> expiresAt, Optional<String> signature) {}

    record Batch(List<Item> items) {}

    record ItemView(int index, String id, String status, Optional<Long> batch, Optional<String> type,
                    Optional<String> detail, Optional<String> result) {}

    record BatchView(int committed, int alreadyCommitted, int refused, int rejected, List<ItemView> items) {}

    record ReceiptAnswer(String payment, Views.ReceiptView receipt, Views.HeadView journalHead) {}

    void register(Routes routes) {
        // The same request twice gets the same answer: 200 both times (Dtenge-Repeat: true the second time).
        routes.post("/v1/payments", call -> {
            Payment body = call.body(Payment.class);
            PaymentOrder order = order(body);
            return Reply.of(payments.pay(call.caller(), order, Fields.signature(body.signature(), "signature")), views::transfer, 200);
        });
        routes.postLarge("/v1/payments/batch", this::batch);
        routes.get("/v1/payments/{id}", call -> Reply.ok(views.status(payments.status(call.caller(),
                Fields.transferId(call.path("id"), "payment id")))));
        routes.get("/v1/payments/{id}/receipt", this::receipt);
    }

    private static PaymentOrder order(Payment body) {
        return new PaymentOrder(Fields.transferId(body.id(), "id"), Fields.address(body.payer(), "payer"),
                Fields.address(body.payee(), "payee"), Fields.amount(body.amount(), "amount"), Transfers.DT,
                Fields.purpose(body.purpose()), Fields.reference(body.reference()), Fields.required(body.expiresAt(), "expiresAt"));
    }

    private Reply receipt(Call call) {
        TransferId id = Fields.transferId(call.path("id"), "payment id");
        Optional<Long> head = call.query("head").map(text -> {
            if (text.equals("latest")) {
                return queries.head().sequence();
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw NodeException.of(ProblemType.INVALID_PARAMETER, "head must be a batch sequence or \"latest\", not \"" + text + "\"");
            }
        });
        return Reply.ok(new ReceiptAnswer(id.hex(), Views.receipt(payments.receipt(call.caller(), id, head)),
                Views.head(queries.head())));
    }

    /**
     * Items that do not parse are rejected one by one, like items the ledger refuses; the rest go ahead.
     * A body of {@value BinaryBatch#MEDIA_TYPE} is read as binary records, and its answer lists only the
     * items that did not commit (the counts cover all).
     */
    private Reply batch(Call call) {
        boolean binary = call.request().headers().contentType()
                .map(type -> type.mediaType().text().equalsIgnoreCase(BinaryBatch.MEDIA_TYPE)).orElse(false);
        return binary ? binaryBatch(call) : jsonBatch(call);
    }

    private Reply binaryBatch(Call call) {
        byte[] body = call.body();
        int count = BinaryBatch.count(body);
        ItemView[] views = new ItemView[count];
        List<BatchItem> parsed = new ArrayList<>(count);
        int[] at = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                at[parsed.size()] = i;
                parsed.add(BinaryBatch.item(body, i));
            } catch (NodeException e) {
                views[i] = view(i, BinaryBatch.id(body, i), ItemResult.Status.REJECTED, Optional.of(e.problem()), Optional.empty());
            }
        }
        int[] counts = new int[ItemResult.Status.values().length];
        counts[ItemResult.Status.REJECTED.ordinal()] = count - parsed.size();
        for (ItemResult result : batches.submit(call.caller(), parsed)) {
            counts[result.status().ordinal()]++;
            if (result.status() != ItemResult.Status.COMMITTED) {
                int i = at[result.index()];
                views[i] = view(i, result.id().hex(), result.status(), result.problem(), Optional.empty());
            }
        }
        List<ItemView> notCommitted = new ArrayList<>();
        for (ItemView view : views) {
            if (view != null) {
                notCommitted.add(view);
            }
        }
        return Reply.ok(new BatchView(counts[0], counts[1], counts[2], counts[3], notCommitted));
    }

    private Reply jsonBatch(Call call) {
        List<Item> items = Fields.required(call.body(Batch.class).items(), "items");
        if (items.size() > BatchPayments.ITEMS_MAX) {
            throw NodeException.of(ProblemType.TOO_MANY_ITEMS, "a batch holds at most " + BatchPayments.ITEMS_MAX
                    + " transfers, not " + items.size());
        }
        ItemView[] views = new ItemView[items.size()];
        List<BatchItem> parsed = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                parsed.add(item(Fields.required(items.get(i), "items[" + i + "]")));
                at.add(i);
            } catch (NodeException e) {
                Item raw = items.get(i);
                String id = raw == null || raw.id() == null ? "" : raw.id();
                views[i] = view(i, id, ItemResult.Status.REJECTED, Optional.of(e.problem()), Optional.empty());
            }
        }
        int[] counts = new int[ItemResult.Status.values().length];
        counts[ItemResult.Status.REJECTED.ordinal()] = items.size() - parsed.size();
        for (ItemResult result : batches.submit(call.caller(), parsed)) {
            int i = at.get(result.index());
            counts[result.status().ordinal()]++;
            views[i] = view(i, result.id().hex(), result.status(), result.problem(),
                    result.position().map(org.dtenge.journal.EventPosition::sequence));
        }
        return Reply.ok(new BatchView(counts[0], counts[1], counts[2], counts[3], List.of(views)));
    }

    private static BatchItem item(Item item) {
        PaymentOrder order = new PaymentOrder(Fields.transferId(item.id(), "id"), Fields.address(item.payer(), "payer"),
                Fields.address(item.payee(), "payee"), Fields.amount(item.amount(), "amount"), Transfers.DT,
                Fields.purpose(item.purpose()), Fields.reference(item.reference()), item.expiresAt().orElse(0L));
        return new BatchItem(order, item.signature().map(s -> Fields.signature(s, "signature")));
    }

    private static ItemView view(int i, String id, ItemResult.Status status, Optional<Problem> problem, Optional<Long> batch) {
        return new ItemView(i, id, status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), batch,
                problem.map(p -> p.type().uri()),
                problem.map(Problem::detail), problem.flatMap(Problem::ledgerResult).map(Enum::name));
    }
}
