package org.dtenge.cards.fx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.dtenge.cards.CardsException;

/**
 * A bank's rate for one foreign currency: tenge per unit of the currency, in millionths, and its fee
 * in basis points on the converted amount. Currencies are taken to have two decimals, as KZT does
 * (USD, EUR, RUB, CNY...); currencies without minor units are not handled yet.
 *
 * @param currency ISO 4217 numeric code, as DE 49 carries it
 */
public record FxRate(long bank, int currency, long tengePerUnitMicros, int feeBasisPoints) {
    public static final int KZT = 398;
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    public FxRate {
        CardsException.check(currency > 0 && currency < 1000 && currency != KZT, "a foreign ISO 4217 numeric code");
        CardsException.check(tengePerUnitMicros > 0, "a rate is positive");
        CardsException.check(feeBasisPoints >= 0 && feeBasisPoints <= 10_000, "a fee is 0 to 10000 basis points");
    }

    /** Parses "520.35" (tenge per unit) into millionths; empty when it is not a positive decimal of at most 6 places. */
    public static java.util.Optional<Long> parseRate(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0 || value.scale() > 6 || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(value.movePointRight(6).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }

    public String rateText() {
        return BigDecimal.valueOf(tengePerUnitMicros, 6).stripTrailingZeros().toPlainString();
    }

    /** {@code foreignMinor} (cents of the currency) in tiyn, with the fee, rounded half up each. */
    public Conversion convert(long foreignMinor) {
        BigInteger converted = BigInteger.valueOf(foreignMinor).multiply(BigInteger.valueOf(tengePerUnitMicros));
        long tiyn = roundedDivide(converted, MILLION);
        long fee = roundedDivide(BigInteger.valueOf(tiyn).multiply(BigInteger.valueOf(feeBasisPoints)), BigInteger.valueOf(10_000));
        return new Conversion(currency, foreignMinor, tiyn, fee);
    }

    private static long roundedDivide(BigInteger value, BigInteger divisor) {
        return new BigDecimal(value).divide(new BigDecimal(divisor), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A converted amount: what the card paid abroad, and what it costs in DT. */
    public record Conversion(int currency, long foreignMinor, long tiyn, long feeTiyn) {
        public long totalTiyn() {
            return Math.addExact(tiyn, feeTiyn);
        }
    }
}
