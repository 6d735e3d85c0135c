package org.dtenge.node.http;

import java.util.Optional;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.program.Escrows;
import org.dtenge.node.service.Transfers;

/** POST /v1/escrows, GET /v1/escrows/{id}, POST /v1/escrows/{id}/release and /refund. */
final class EscrowEndpoints {
    private final Escrows escrows;
    private final Views views;

    EscrowEndpoints(Escrows escrows, Views views) {
        this.escrows = escrows;
        this.views = views;
    }

    /** A payment order signed by the payer, held for {@code timeoutSeconds}. */
    record EscrowRequest(String id, String payer, String payee, String amount, Optional<Integer> purpose,
                         Optional<String> reference, Long expiresAt, String signature, Integer timeoutSeconds) {}

    record EscrowView(String id, String payer, String payee, String amount, int timeoutSeconds, String state) {}

    void register(Routes routes) {
        routes.post("/v1/escrows", call -> {
            EscrowRequest body = call.body(EscrowRequest.class);
            PaymentOrder order = new PaymentOrder(Fields.transferId(body.id(), "id"), Fields.address(body.payer(), "payer"),
                    Fields.address(body.payee(), "payee"), Fields.amount(body.amount(), "amount"), Transfers.DT,
                    Fields.purpose(body.purpose()), Fields.reference(body.reference()),
                    Fields.required(body.expiresAt(), "expiresAt"));
            return Reply.of(escrows.open(call.caller(), order, Fields.signature(body.signature(), "signature"),
                    Fields.required(body.timeoutSeconds(), "timeoutSeconds")), views::transfer, 201);
        });
        routes.get("/v1/escrows/{id}", call -> {
            Escrows.State s = escrows.state(call.caller(), id(call));
            return Reply.ok(new EscrowView(s.id().hex(), s.payer().address(), s.payee().address(), Tenge.format(s.amount()),
                    s.timeoutSeconds(), s.hold().name().toLowerCase(java.util.Locale.ROOT)));
        });
        routes.post("/v1/escrows/{id}/release", call -> Reply.of(escrows.release(call.caller(), id(call)), views::transfer, 200));
        routes.post("/v1/escrows/{id}/refund", call -> Reply.of(escrows.refund(call.caller(), id(call)), views::transfer, 200));
    }

    private static TransferId id(Call call) {
        return Fields.transferId(call.path("id"), "escrow id");
    }
}
