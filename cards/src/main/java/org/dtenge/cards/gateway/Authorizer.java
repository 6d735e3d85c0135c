package org.dtenge.cards.gateway;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.dtenge.cards.card.Card;
import org.dtenge.cards.card.CardRegistry;
import org.dtenge.cards.card.CardStatus;
import org.dtenge.cards.card.Channel;
import org.dtenge.cards.card.Pan;
import org.dtenge.cards.card.PanHasher;
import org.dtenge.cards.fx.FxRate;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.node.NodeException;

/**
 * Answers every request message the gateway accepts with its response:
 *
 * <pre>
 * 0800 network management  -> 0810   sign-on, sign-off, echo
 * 0100 authorization       -> 0110   hold on the wallet (pending transfer with a timeout)
 * 0200 financial           -> 0210   purchase or ATM cash (processing code 01) in one step
 * 0220 completion advice   -> 0230   post the hold, fully or partly
 * 0400 / 0420 reversal     -> 0410 / 0430   void the hold, or refund what was paid
 * </pre>
 *
 * Repeats (0101, 0201, 0221, 0401, 0421) are handled as their originals.
 *
 * Checks run in order of precedence (form, card, status, expiry, channel, price, limits) and the first
 * that fails gives the response code; only then does anything reach the ledger. Nothing here throws
 * for a request: a failure of the node is answered 96.
 */
public final class Authorizer {
    private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    private final CardRegistry cards;
    private final PanHasher hasher;
    private final Pricing pricing;
    private final CardActivity activity;
    private final Moves moves;
    private final InstantSource clock;

    public Authorizer(CardRegistry cards, PanHasher hasher, org.dtenge.cards.fx.RateTable rates, CardActivity activity,
                      Moves moves, InstantSource clock) {
        this.cards = cards;
        this.hasher = hasher;
        this.pricing = new Pricing(rates);
        this.activity = activity;
        this.moves = moves;
        this.clock = clock;
    }

    public IsoMessage answer(IsoMessage request) {
        try {
            return switch (request.mti()) {
                case "0800" -> Responses.of(request, ResponseCode.APPROVED);
                // A repeat (last digit 1) is the same message sent again: answered the same way.
                case "0100", "0101" -> pay(request, Operation.HOLD);
                case "0200", "0201" -> pay(request, Operation.PURCHASE);
                case "0220", "0221" -> complete(request);
                case "0400", "0401", "0420", "0421" -> reverse(request);
                default -> Responses.of(request, ResponseCode.INVALID_TRANSACTION);
            };
        } catch (NodeException e) {
            return Responses.of(request, ResponseCode.SYSTEM_MALFUNCTION); // busy, stopped or no answer in time: retry
        }
    }

    /** A request with a readable card, or the response that ends it. */
    private sealed interface Found {
        record Yes(CardRequest request, Card card, TransactionKey key) implements Found {}

        record No(ResponseCode code) implements Found {}
    }

    private Found find(IsoMessage message) {
        CardRequest request;
        switch (CardRequest.parse(message)) {
            case CardRequest.Result.Invalid invalid -> {
                return new Found.No(ResponseCode.FORMAT_ERROR);
            }
            case CardRequest.Result.Valid valid -> request = valid.request();
        }
        Optional<Pan> pan = Pan.parse(request.pan());
        if (pan.isEmpty()) {
            return new Found.No(ResponseCode.INVALID_CARD);
        }
        byte[] hash = hasher.hash(pan.get());
        Optional<Card> card = cards.find(hash);
        if (card.isEmpty()) {
            return new Found.No(ResponseCode.INVALID_CARD);
        }
        return new Found.Yes(request, card.get(), new TransactionKey(hash, request.acquirer(), request.terminal(), request.rrn()));
    }

    private IsoMessage pay(IsoMessage message, Operation operation) {
        Found found = find(message);
        if (found instanceof Found.No no) {
            return Responses.of(message, no.code());
        }
        Found.Yes yes = (Found.Yes) found;
        Optional<ResponseCode> refused = refusal(yes.request(), yes.card());
        if (refused.isPresent()) {
            return refuseUnlessRepeat(message, yes, operation, refused.get());
        }
        Optional<FxRate.Conversion> price = pricing.price(yes.card().bank(), yes.request());
        if (price.isEmpty()) {
            return refuseUnlessRepeat(message, yes, operation, ResponseCode.NOT_PERMITTED_TO_CARDHOLDER); // no such currency
        }
        FxRate.Conversion conversion = price.get();
        long tiyn = conversion.totalTiyn();
        if (!yes.request().isCash() && tiyn > yes.card().purchaseLimit()) {
            return refuseUnlessRepeat(message, yes, operation, ResponseCode.EXCEEDS_LIMIT);
        }
        // The ATM allowance is checked and used under the card's lock, so two withdrawals cannot both fit.
        synchronized (moves.lockFor(yes.card())) {
            long cashTaken = yes.request().isCash() ? activity.cashTaken(yes.card().panHash(), today(), nowNanos()) : 0;
            if (yes.request().isCash() && cashTaken + tiyn > yes.card().atmDailyLimit()) {
                return refuseUnlessRepeat(message, yes, operation, ResponseCode.EXCEEDS_LIMIT);
            }
            return answer(message, yes, operation, moves.pay(operation, yes.card(), yes.key(), yes.request(), conversion));
        }
    }

    /**
     * A refusal before the ledger, unless the message repeats one already approved: its own withdrawal
     * now fills the ATM allowance, or the card was blocked since, yet the repeat must be answered as
     * the original was. Looked up only on this path, so an ordinary approval costs no extra read.
     */
    private IsoMessage refuseUnlessRepeat(IsoMessage message, Found.Yes yes, Operation operation, ResponseCode refusal) {
        return answer(message, yes, operation, moves.repeatOf(operation, yes.key(), yes.request()).orElse(refusal));
    }

    private static IsoMessage answer(IsoMessage message, Found.Yes yes, Operation operation, ResponseCode code) {
        return code == ResponseCode.APPROVED
                ? Responses.approved(message, TransactionKey.approvalCode(yes.key().transferId(operation)))
                : Responses.of(message, code);
    }

    /** Why the card may not make this payment: status, expiry, channel; empty when it may. */
    private Optional<ResponseCode> refusal(CardRequest request, Card card) {
        if (!request.isKnownProcessing()) {
            return Optional.of(ResponseCode.INVALID_TRANSACTION);
        }
        if (request.amountMinor() <= 0) {
            return Optional.of(ResponseCode.INVALID_AMOUNT);
        }
        if (card.status() == CardStatus.LOST) {
            return Optional.of(ResponseCode.LOST_CARD);
        }
        if (card.status() == CardStatus.BLOCKED) {
            return Optional.of(ResponseCode.RESTRICTED_CARD);
        }
        if (card.status() == CardStatus.EXPIRED || card.isExpiredAt(YearMonth.from(today()))) {
            return Optional.of(ResponseCode.EXPIRED_CARD);
        }
        if (request.expiry().isPresent() && !request.expiry().get().equals(yymm(card.expiry()))) {
            return Optional.of(ResponseCode.INVALID_CARD); // the terminal read another card, or a forged one
        }
        if (request.isCash() && !request.merchantType().equals(CardRequest.ATM_MERCHANT_TYPE)) {
            return Optional.of(ResponseCode.NOT_PERMITTED_TO_TERMINAL); // cash is paid by ATMs only
        }
        Channel channel = request.isCash() ? Channel.ATM : request.isOnline() ? Channel.ONLINE : Channel.IN_STORE;
        if (!card.channels().contains(channel) || (request.isAbroad() && !card.channels().contains(Channel.ABROAD))) {
            return Optional.of(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        }
        return Optional.empty();
    }

    private IsoMessage complete(IsoMessage message) {
        Found found = find(message);
        if (found instanceof Found.No no) {
            return Responses.of(message, no.code());
        }
        Found.Yes yes = (Found.Yes) found;
        if (yes.request().amountMinor() <= 0) {
            return Responses.of(message, ResponseCode.INVALID_AMOUNT);
        }
        // A completion posts what was authorized even if the card was blocked since: the hold was granted.
        Optional<FxRate.Conversion> price = pricing.price(yes.card().bank(), yes.request());
        if (price.isEmpty()) {
            return Responses.of(message, ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        }
        return Responses.of(message, moves.complete(yes.card(), yes.key(), yes.request(), price.get()));
    }

    private IsoMessage reverse(IsoMessage message) {
        Found found = find(message);
        if (found instanceof Found.No no) {
            return Responses.of(message, no.code());
        }
        Found.Yes yes = (Found.Yes) found;
        synchronized (moves.lockFor(yes.card())) {
            return Responses.of(message, moves.reverse(yes.card(), yes.key(), yes.request()));
        }
    }

    private static String yymm(YearMonth month) {
        return String.format("%02d%02d", month.getYear() % 100, month.getMonthValue());
    }

    private long nowNanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }
}
