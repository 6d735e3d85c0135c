package org.dtenge.cards.gateway;

import java.util.Optional;
import org.dtenge.cards.iso8583.IsoMessage;

/**
 * The data elements of a card request that the gateway acts on, checked for presence and form.
 *
 * @param pan          DE 2, as sent (checked against Luhn later: a bad number is an invalid card, not a format error)
 * @param processing   DE 3, six digits; the first two say what: 00 purchase, 01 cash withdrawal
 * @param amountMinor  DE 4, in minor units of {@code currency}
 * @param currency     DE 49, ISO 4217 numeric; KZT (398) when absent
 * @param acquirer     DE 32, the acquiring institution; empty string when absent
 * @param merchantType DE 18, the merchant category code; "0000" when absent
 * @param expiry       DE 14, the card's expiry as the terminal read it (YYMM), when sent
 */
public record CardRequest(String pan, String processing, long amountMinor, int currency, String stan, String rrn,
                          String terminal, String acquirer, String merchantType, String posEntryMode, String posCondition,
                          String acquirerCountry, Optional<String> expiry) {
    public static final int KZT = 398;
    public static final String ATM_MERCHANT_TYPE = "6011";

    /** The request's elements, or why it is not well formed (answered with 30). */
    public static Result parse(IsoMessage m) {
        Optional<String> pan = m.field(2);
        Optional<String> processing = m.field(3);
        Optional<String> amount = m.field(4);
        Optional<String> stan = m.field(11);
        Optional<String> rrn = m.field(37);
        Optional<String> terminal = m.field(41);
        if (pan.isEmpty() || processing.isEmpty() || amount.isEmpty() || stan.isEmpty() || rrn.isEmpty() || terminal.isEmpty()) {
            return new Result.Invalid("DE 2, 3, 4, 11, 37 and 41 are required");
        }
        if (!digits(amount.get()) || !digits(stan.get())) {
            return new Result.Invalid("DE 4 and DE 11 must be digits");
        }
        String currencyText = m.field(49).orElse("398");
        if (!digits(currencyText)) {
            return new Result.Invalid("DE 49 must be an ISO 4217 numeric code");
        }
        long amountMinor = Long.parseLong(amount.get()); // 12 digits at most: fits a long
        String merchantType = m.field(18).orElse("0000");
        if (m.field(14).isPresent() && !(digits(m.field(14).get()) && isMonth(m.field(14).get()))) {
            return new Result.Invalid("DE 14 must be an expiry as YYMM");
        }
        return new Result.Valid(new CardRequest(pan.get(), processing.get(), amountMinor, Integer.parseInt(currencyText),
                stan.get(), rrn.get(), terminal.get(), m.field(32).orElse(""), merchantType, m.field(22).orElse("000"),
                m.field(25).orElse("00"), m.field(19).orElse("398"), m.field(14)));
    }

    public sealed interface Result {
        record Valid(CardRequest request) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    /** Processing code 01: cash from an ATM. */
    public boolean isCash() {
        return processing.startsWith("01");
    }

    /** Processing code 00 or 01: the only two the gateway does. */
    public boolean isKnownProcessing() {
        return processing.startsWith("00") || isCash();
    }

    /** Card not present: an e-commerce condition (DE 25 = 59) or a keyed or e-commerce entry mode (DE 22 = 01x, 81x). */
    public boolean isOnline() {
        return posCondition.equals("59") || posEntryMode.startsWith("81") || posEntryMode.startsWith("01");
    }

    /** Outside Kazakhstan: a foreign currency or a foreign acquirer country (DE 19). */
    public boolean isAbroad() {
        return currency != KZT || !acquirerCountry.equals("398");
    }

    private static boolean isMonth(String yymm) {
        int month = Integer.parseInt(yymm.substring(2));
        return month >= 1 && month <= 12;
    }

    private static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
