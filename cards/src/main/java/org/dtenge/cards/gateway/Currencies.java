package org.dtenge.cards.gateway;

import java.util.Currency;
import java.util.Map;
import java.util.stream.Collectors;

/** ISO 4217 numeric codes to letters, for people reading a history ("USD 12.50", not "840 12.50"). */
final class Currencies {
    private static final Map<Integer, String> ALPHA = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getNumericCode() > 0)
            .collect(Collectors.toMap(Currency::getNumericCode, Currency::getCurrencyCode, (a, b) -> a.compareTo(b) < 0 ? a : b));

    private Currencies() {}

    static String alpha(int numeric) {
        return ALPHA.getOrDefault(numeric, String.format("%03d", numeric));
    }
}
