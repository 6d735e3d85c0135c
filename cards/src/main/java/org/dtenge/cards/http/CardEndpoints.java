package org.dtenge.cards.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dtenge.cards.card.Card;
import org.dtenge.cards.card.CardProduct;
import org.dtenge.cards.card.CardStatus;
import org.dtenge.cards.card.Cards;
import org.dtenge.cards.card.Channel;
import org.dtenge.cards.card.Pan;
import org.dtenge.cards.card.SettlementAccount;
import org.dtenge.cards.fx.FxRate;
import org.dtenge.cards.fx.Rates;
import org.dtenge.cards.gateway.CardActivity;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.http.Call;
import org.dtenge.node.http.ExtensionRoute;
import org.dtenge.node.http.Fields;
import org.dtenge.node.http.Reply;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.participant.Role;
import org.dtenge.node.service.Access;
import org.dtenge.node.chain.LedgerGate;

/**
 * The banks' card operations over the signed API (role BANK; a bank sees and changes only its own
 * cards, and issues only on wallets it services):
 *
 * <pre>
 * POST /v1/cards                    issue a card on a wallet
 * GET  /v1/cards                    the bank's cards
 * GET  /v1/cards/{card}             one card
 * POST /v1/cards/{card}/status      block, report lost, reactivate, retire
 * GET  /v1/cards/{card}/transactions the card's latest transactions, both amounts
 * POST /v1/cards/rates              set the rate and fee for a currency
 * GET  /v1/cards/rates              the bank's rate table
 * GET  /v1/cards/settlement?date=   the bank's card position on a ledger day
 * </pre>
 */
public final class CardEndpoints {
    private final Cards cards;
    private final Rates rates;
    private final CardActivity activity;
    private final LedgerGate gate;

    public CardEndpoints(Cards cards, Rates rates, CardActivity activity, LedgerGate gate) {
        this.cards = cards;
        this.rates = rates;
        this.activity = activity;
        this.gate = gate;
    }

    record IssueRequest(String pan, String product, String wallet, String expiry, String purchaseLimit, Optional<String> atmDailyLimit,
                        List<String> channels) {}

    record CardView(String id, String lastFour, String product, String wallet, String expiry, String status,
                    String purchaseLimit, String atmDailyLimit, List<String> channels) {}

    record StatusRequest(String status) {}

    /** A statement line: what the wallet paid (fee included) and, abroad, what the card paid in the foreign currency. */
    record LineView(String at, String operation, String amount, String fee, String currency, String currencyAmount,
                    String transfer) {}

    record RateRequest(String currency, String rate, Optional<Integer> feeBasisPoints) {}

    record RateView(String currency, String rate, int feeBasisPoints) {}

    record SettlementView(String date, String settlementAccount, String balance, long purchases, String purchaseAmount,
                          long withdrawals, String withdrawalAmount, long refunds, String refundAmount, String feeAmount,
                          String net) {}

    public List<ExtensionRoute> routes() {
        return List.of(
                new ExtensionRoute("POST", "/v1/cards/rates", this::setRate),
                new ExtensionRoute("GET", "/v1/cards/rates", call -> Reply.ok(rates.list(call.caller()).stream()
                        .map(CardEndpoints::view).toList())),
                new ExtensionRoute("GET", "/v1/cards/settlement", this::settlement),
                new ExtensionRoute("POST", "/v1/cards", this::issue),
                new ExtensionRoute("GET", "/v1/cards", call -> Reply.ok(cards.list(call.caller()).stream()
                        .map(CardEndpoints::view).toList())),
                new ExtensionRoute("GET", "/v1/cards/{card}", call -> Reply.ok(view(cards.get(call.caller(), call.path("card"))))),
                new ExtensionRoute("POST", "/v1/cards/{card}/status", this::status),
                new ExtensionRoute("GET", "/v1/cards/{card}/transactions", this::statement));
    }

    private Reply issue(Call call) {
        IssueRequest body = call.body(IssueRequest.class);
        Pan pan = Pan.parse(Fields.required(body.pan(), "pan")).orElseThrow(() -> NodeException.of(ProblemType.INVALID_FIELD,
                "pan must be 12 to 19 digits with a valid Luhn check digit"));
        CardProduct product = named(CardProduct.class, body.product(), "product");
        YearMonth expiry;
        try {
            expiry = YearMonth.parse(Fields.required(body.expiry(), "expiry"));
        } catch (DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "expiry must be a month as 2029-12, not \"" + body.expiry() + "\"");
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String channel : Fields.required(body.channels(), "channels")) {
            channels.add(named(Channel.class, channel, "channels"));
        }
        Cards.Issue issue = new Cards.Issue(pan, product, Fields.address(body.wallet(), "wallet"), expiry,
                Fields.amount(body.purchaseLimit(), "purchaseLimit"),
                body.atmDailyLimit().map(limit -> Fields.amount(limit, "atmDailyLimit")).orElse(0L), channels);
        return Reply.of(cards.issue(call.caller(), issue), CardEndpoints::view, 201);
    }

    private Reply status(Call call) {
        CardStatus status = named(CardStatus.class, call.body(StatusRequest.class).status(), "status");
        return Reply.of(cards.changeStatus(call.caller(), call.path("card"), status), CardEndpoints::view, 200);
    }

    private Reply statement(Call call) {
        Card card = cards.get(call.caller(), call.path("card"));
        return Reply.ok(activity.statement(card.panHash()).stream().map(line -> {
            var r = line.record();
            return new LineView(java.time.Instant.ofEpochSecond(0, line.atNanos()).toString(), r.operation().name(),
                    Tenge.format(r.tiyn()), Tenge.format(r.feeTiyn()), String.format("%03d", r.currency()),
                    java.math.BigDecimal.valueOf(r.foreignMinor(), 2).toPlainString(), r.transfer().hex());
        }).toList());
    }

    private Reply setRate(Call call) {
        RateRequest body = call.body(RateRequest.class);
        String currency = Fields.required(body.currency(), "currency");
        if (!currency.matches("[0-9]{3}") || currency.equals("398") || currency.equals("000")) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "currency must be a foreign ISO 4217 numeric code such as 840, not \""
                    + currency + "\"");
        }
        long rate = FxRate.parseRate(Fields.required(body.rate(), "rate")).orElseThrow(() -> NodeException.of(
                ProblemType.INVALID_FIELD, "rate must be tenge per unit, a positive decimal with at most 6 places, such as 520.35"));
        int fee = body.feeBasisPoints().orElse(0);
        if (fee < 0 || fee > 10_000) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "feeBasisPoints must be 0 to 10000, not " + fee);
        }
        return Reply.ok(view(rates.set(call.caller(), Integer.parseInt(currency), rate, fee)));
    }

    private Reply settlement(Call call) {
        Access.requireRole(call.caller(), call.caller().role() == Role.BANK, "read a card settlement report; only banks may");
        String text = call.query("date").orElseThrow(() -> NodeException.of(ProblemType.INVALID_PARAMETER,
                "date is required, as 2026-11-25 (a ledger day, UTC+5)"));
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "date must be as 2026-11-25, not \"" + text + "\"");
        }
        var account = SettlementAccount.of(call.caller());
        // Read from the ledger itself: before the bank's first card there is no account, and the balance is zero.
        long balance = gate.read(ledger -> ledger.account(account.hi(), account.lo())).map(a -> a.balance()).orElse(0L);
        CardActivity.Position p = activity.position(call.caller().code(), day);
        return Reply.ok(new SettlementView(day.toString(), account.address(), Tenge.format(balance), p.purchases(),
                Tenge.format(p.purchaseTiyn()), p.withdrawals(), Tenge.format(p.withdrawalTiyn()), p.refunds(),
                Tenge.format(p.refundTiyn()), Tenge.format(p.feeTiyn()), Tenge.format(p.netTiyn())));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String field) {
        Fields.required(text, field);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, field + " must be one of " + List.of(type.getEnumConstants())
                    + ", not \"" + text + "\"");
        }
    }

    static CardView view(Card card) {
        return new CardView(card.id(), card.lastFour(), card.product().name(), card.wallet().address(), card.expiry().toString(),
                card.status().name(), Tenge.format(card.purchaseLimit()), Tenge.format(card.atmDailyLimit()),
                card.channels().stream().sorted().map(Enum::name).toList());
    }

    static RateView view(FxRate rate) {
        return new RateView(String.format("%03d", rate.currency()), rate.rateText(), rate.feeBasisPoints());
    }
}
