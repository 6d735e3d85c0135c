package org.dtenge.cards.gateway;

import java.util.Optional;
import org.dtenge.cards.fx.FxRate;
import org.dtenge.cards.fx.RateTable;

/** What a request costs the wallet in tiyn: as it is at home, converted with the issuer's rate and fee abroad. */
final class Pricing {
    private final RateTable rates;

    Pricing(RateTable rates) {
        this.rates = rates;
    }

    /** The price, or empty when the issuer has no rate for the currency. */
    Optional<FxRate.Conversion> price(long bank, CardRequest request) {
        if (request.currency() == CardRequest.KZT) {
            return Optional.of(new FxRate.Conversion(CardRequest.KZT, request.amountMinor(), request.amountMinor(), 0));
        }
        return rates.find(bank, request.currency()).map(rate -> rate.convert(request.amountMinor()));
    }

    /** The transfer's reference, which the wallet's history shows: the RRN at home, the foreign amount abroad. */
    static String reference(CardRequest request) {
        if (request.currency() == CardRequest.KZT) {
            return "RRN " + request.rrn().strip();
        }
        long minor = request.amountMinor();
        String text = Currencies.alpha(request.currency()) + " " + (minor / 100) + "." + String.format("%02d", minor % 100);
        return text.length() <= 16 ? text : Currencies.alpha(request.currency()) + minor; // 12 digits at most: fits
    }
}
