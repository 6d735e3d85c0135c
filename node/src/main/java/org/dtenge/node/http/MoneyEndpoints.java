package org.dtenge.node.http;

import java.util.Optional;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.service.Payments;
import org.dtenge.node.service.Transfers;
import org.dtenge.node.service.TwoTier;

/** POST /v1/issuance, /v1/redemptions, /v1/cash-in, /v1/cash-out: the two tiers of money. */
final class MoneyEndpoints {
    private final TwoTier twoTier;
    private final Payments payments;
    private final Views views;

    MoneyEndpoints(TwoTier twoTier, Payments payments, Views views) {
        this.twoTier = twoTier;
        this.payments = payments;
        this.views = views;
    }

    /** Issuance and redemption name the bank by participant id. */
    record BankTransfer(String id, String bank, String amount, Optional<String> reference) {}

    record CashIn(String id, String wallet, String amount, Optional<String> reference) {}

    /** The customer signs a payment to the intermediary's reserve, which is the payee (see docs/api.md). */
    record CashOut(String id, String wallet, String amount, Optional<Integer> purpose, Optional<String> reference,
                   Long expiresAt, String signature) {}

    void register(Routes routes) {
        routes.post("/v1/issuance", call -> {
            BankTransfer body = call.body(BankTransfer.class);
            return Reply.of(twoTier.issue(call.caller(), Fields.transferId(body.id(), "id"), Fields.required(body.bank(), "bank"),
                    Fields.amount(body.amount(), "amount"), Fields.reference(body.reference())), views::transfer, 201);
        });
        routes.post("/v1/redemptions", call -> {
            BankTransfer body = call.body(BankTransfer.class);
            return Reply.of(twoTier.redeem(call.caller(), Fields.transferId(body.id(), "id"), Fields.required(body.bank(), "bank"),
                    Fields.amount(body.amount(), "amount"), Fields.reference(body.reference())), views::transfer, 201);
        });
        routes.post("/v1/cash-in", call -> {
            CashIn body = call.body(CashIn.class);
            return Reply.of(twoTier.cashIn(call.caller(), Fields.transferId(body.id(), "id"), Fields.address(body.wallet(), "wallet"),
                    Fields.amount(body.amount(), "amount"), Fields.reference(body.reference())), views::transfer, 201);
        });
        routes.post("/v1/cash-out", this::cashOut);
    }

    private Reply cashOut(Call call) {
        CashOut body = call.body(CashOut.class);
        TransferId id = Fields.transferId(body.id(), "id");
        AccountId wallet = Fields.address(body.wallet(), "wallet");
        long amount = Fields.amount(body.amount(), "amount");
        long expiresAt = Fields.required(body.expiresAt(), "expiresAt");
        byte[] signature = Fields.signature(body.signature(), "signature");
        AccountId reserve = call.caller().ownAccount().orElse(wallet); // no reserve: the service refuses by role
        PaymentOrder order = new PaymentOrder(id, wallet, reserve, amount, Transfers.DT, Fields.purpose(body.purpose()),
                Fields.reference(body.reference()), expiresAt);
        return Reply.of(payments.cashOut(call.caller(), order, signature), views::transfer, 201);
    }
}
