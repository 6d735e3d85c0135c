package org.dtenge.cards.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dtenge.cards.cash.CashReport;
import org.dtenge.cards.onay.Fare;
import org.dtenge.cards.onay.RouteType;
import org.dtenge.cards.onay.Tap;
import org.dtenge.cards.onay.TapResult;
import org.dtenge.cards.onay.Validators;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.http.Call;
import org.dtenge.node.http.ExtensionRoute;
import org.dtenge.node.http.Fields;
import org.dtenge.node.http.Reply;
import org.dtenge.node.money.Tenge;

/**
 * Onay fares and validator uploads (the issuing bank), and the daily cash report (banks and Kazpost):
 *
 * <pre>
 * POST /v1/onay/fares          set a route type's fare and the carrier wallet paid
 * GET  /v1/onay/fares          the bank's fare table
 * POST /v1/onay/taps           a validator's upload of taps; one result per tap
 * GET  /v1/cash-report?date=   the caller's cash-ins and cash-outs of a ledger day, per counter
 * </pre>
 */
public final class OnayEndpoints {
    private final Validators validators;
    private final CashReport cash;

    public OnayEndpoints(Validators validators, CashReport cash) {
        this.validators = validators;
        this.cash = cash;
    }

    record FareRequest(String routeType, String fare, String payee) {}

    record FareView(String routeType, String fare, String payee) {}

    record TapRequest(String pan, String routeType, String at, Long sequence) {}

    record Upload(String validator, List<TapRequest> taps) {}

    record TapView(long sequence, String status, Optional<String> fare, Optional<String> reason) {}

    record CounterView(String counter, long cashIns, String cashIn, long cashOuts, String cashOut, String drawer) {}

    record CashView(String date, List<CounterView> counters, String cashIn, String cashOut, String drawer) {}

    public List<ExtensionRoute> routes() {
        return List.of(
                new ExtensionRoute("POST", "/v1/onay/fares", this::setFare),
                new ExtensionRoute("GET", "/v1/onay/fares", call -> Reply.ok(validators.fares(call.caller()).stream()
                        .map(OnayEndpoints::view).toList())),
                new ExtensionRoute("POST", "/v1/onay/taps", this::upload, true), // up to 1,000 taps: about 90 KB
                new ExtensionRoute("GET", "/v1/cash-report", this::cashReport));
    }

    private Reply setFare(Call call) {
        FareRequest body = call.body(FareRequest.class);
        RouteType route = routeType(body.routeType());
        long fare = Fields.amount(body.fare(), "fare");
        if (fare <= 0) {
            throw NodeException.of(ProblemType.INVALID_AMOUNT, "fare must be positive");
        }
        return Reply.ok(view(validators.setFare(call.caller(), route, fare, Fields.address(body.payee(), "payee"))));
    }

    private Reply upload(Call call) {
        Upload body = call.body(Upload.class);
        String validator = Fields.required(body.validator(), "validator");
        if (!validator.matches("[A-Za-z0-9-]{1,11}")) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "validator is 1 to 11 letters, digits or '-', not \"" + validator + "\"");
        }
        List<Tap> taps = new ArrayList<>();
        for (TapRequest tap : Fields.required(body.taps(), "taps")) {
            Instant at;
            try {
                at = Instant.parse(Fields.required(tap.at(), "taps[].at"));
            } catch (DateTimeParseException e) {
                throw NodeException.of(ProblemType.INVALID_FIELD, "taps[].at must be an instant as 2026-11-25T08:30:00Z");
            }
            long sequence = Fields.required(tap.sequence(), "taps[].sequence");
            taps.add(new Tap(Fields.required(tap.pan(), "taps[].pan"), routeType(tap.routeType()), at, sequence));
        }
        return Reply.ok(validators.upload(call.caller(), validator, taps).stream().map(OnayEndpoints::view).toList());
    }

    private Reply cashReport(Call call) {
        String text = call.query("date").orElseThrow(() -> NodeException.of(ProblemType.INVALID_PARAMETER,
                "date is required, as 2026-11-25 (a ledger day, UTC+5)"));
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "date must be as 2026-11-25, not \"" + text + "\"");
        }
        List<CashReport.Counter> counters = cash.of(call.caller(), day);
        long in = counters.stream().mapToLong(CashReport.Counter::cashInTiyn).sum();
        long out = counters.stream().mapToLong(CashReport.Counter::cashOutTiyn).sum();
        return Reply.ok(new CashView(day.toString(), counters.stream().map(c -> new CounterView(c.counter(), c.cashIns(),
                Tenge.format(c.cashInTiyn()), c.cashOuts(), Tenge.format(c.cashOutTiyn()), Tenge.format(c.drawerTiyn()))).toList(),
                Tenge.format(in), Tenge.format(out), Tenge.format(in - out)));
    }

    private static RouteType routeType(String text) {
        Fields.required(text, "routeType");
        try {
            return RouteType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "routeType must be one of " + List.of(RouteType.values())
                    + ", not \"" + text + "\"");
        }
    }

    static FareView view(Fare fare) {
        return new FareView(fare.routeType().name(), Tenge.format(fare.fareTiyn()), fare.payee().address());
    }

    static TapView view(TapResult result) {
        return new TapView(result.sequence(), result.status().name().toLowerCase(Locale.ROOT),
                result.fareTiyn() > 0 ? Optional.of(Tenge.format(result.fareTiyn())) : Optional.empty(),
                result.reason().isEmpty() ? Optional.empty() : Optional.of(result.reason()));
    }
}
