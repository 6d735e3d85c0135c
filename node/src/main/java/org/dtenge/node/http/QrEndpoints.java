package org.dtenge.node.http;

import java.util.List;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.qr.EmvField;
import org.dtenge.node.qr.EmvQr;
import org.dtenge.node.qr.MerchantQr;
import org.dtenge.node.service.Access;

/** POST /v1/merchant-qr (make a merchant's payment request) and /v1/merchant-qr/parse (read any EMV code). */
final class QrEndpoints {
    private final Access access;

    QrEndpoints(Access access) {
        this.access = access;
    }

    /** @param mcc ISO 18245 merchant category code, 4 digits; 5411 (grocery) when absent */
    record Request(String merchant, Optional<String> amount, Optional<String> reference, String name, String city,
                   Optional<String> mcc) {}

    record Generated(String payload, String merchant, Optional<String> amount) {}

    record Payload(String payload) {}

    record FieldView(String tag, String value, List<FieldView> fields) {}

    record DtengeRequest(String merchant, Optional<String> amount, Optional<String> reference, String mcc, String name,
                         String city) {}

    record Parsed(List<FieldView> fields, Optional<DtengeRequest> dtenge) {}

    void register(Routes routes) {
        routes.post("/v1/merchant-qr", this::generate);
        routes.post("/v1/merchant-qr/parse", call -> {
            String payload = Fields.required(call.body(Payload.class).payload(), "payload");
            return switch (EmvQr.parse(payload)) {
                case EmvQr.Parsed.Invalid invalid -> throw NodeException.of(ProblemType.INVALID_QR, invalid.reason());
                case EmvQr.Parsed.Valid valid -> Reply.ok(new Parsed(valid.fields().stream().map(QrEndpoints::view).toList(),
                        MerchantQr.from(valid).map(q -> new DtengeRequest(q.address(), q.amount().map(Tenge::format), q.reference(),
                                q.merchantCategory(), q.name(), q.city()))));
            };
        });
    }

    private Reply generate(Call call) {
        Request body = call.body(Request.class);
        AccountId merchant = Fields.address(body.merchant(), "merchant");
        access.account(merchant); // a code for an account that does not exist helps nobody
        Optional<Long> amount = body.amount().map(text -> Fields.amount(text, "amount"));
        text(body.name(), "name", 25);
        text(body.city(), "city", 15);
        body.reference().ifPresent(reference -> text(reference, "reference", 25));
        String mcc = body.mcc().orElse("5411");
        if (!mcc.matches("[0-9]{4}")) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "mcc must be 4 digits, not \"" + mcc + "\"");
        }
        MerchantQr qr = new MerchantQr(merchant.address(), amount, body.reference(), mcc, body.name(), body.city());
        return Reply.ok(new Generated(qr.payload(), merchant.address(), amount.map(Tenge::format)));
    }

    private static void text(String value, String field, int max) {
        Fields.required(value, field);
        if (value.isBlank() || value.codePointCount(0, value.length()) > max || value.chars().anyMatch(Character::isISOControl)) {
            throw NodeException.of(ProblemType.INVALID_FIELD, field + " must be 1 to " + max + " characters without control characters");
        }
    }

    private static FieldView view(EmvField field) {
        return new FieldView(field.tag(), field.value(), field.children().stream().map(QrEndpoints::view).toList());
    }
}
