package org.dtenge.node.money;

/**
 * Amounts of digital tenge as the API writes them: a JSON string of tenge with at most two decimals
 * ("1500", "1500.5", "1500.00"), never a JSON number, so that no client rounds through a double. In
 * the ledger an amount is a {@code long} of tiyn (1 tenge = 100 tiyn).
 */
public final class Tenge {
    public static final int SCALE = 2;
    private static final long TIYN_PER_TENGE = 100;
    /** Digits before the point: 17 is enough for Long.MAX_VALUE tiyn (92,233,720,368,547,758.07). */
    private static final int INTEGER_DIGITS_MAX = 17;

    private Tenge() {}

    /** Either the amount in tiyn, or why the text is not an amount. */
    public sealed interface Parsed {
        record Valid(long tiyn) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    /** Parses a positive amount. */
    public static Parsed parse(String text) {
        int point = text.indexOf('.');
        String units = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        if (units.isEmpty() || !digits(units) || point >= 0 && (fraction.isEmpty() || !digits(fraction))) {
            if (text.startsWith("-")) {
                return new Parsed.Invalid("amount must be greater than zero, not \"" + text + "\"");
            }
            return new Parsed.Invalid("amount must be tenge written as digits with at most two decimals, such as \"1500.00\", not \""
                    + text + "\"");
        }
        if (fraction.length() > SCALE) {
            return new Parsed.Invalid("amount has " + fraction.length() + " decimals; tenge have at most 2 (tiyn): \"" + text + "\"");
        }
        int zeros = 0;
        while (zeros < units.length() - 1 && units.charAt(zeros) == '0') {
            zeros++;
        }
        String trimmed = units.substring(zeros);
        if (trimmed.length() > INTEGER_DIGITS_MAX) {
            return new Parsed.Invalid("amount \"" + text + "\" is larger than the ledger can hold");
        }
        long whole = Long.parseLong(trimmed);
        long cents = fraction.isEmpty() ? 0 : Long.parseLong(fraction) * (fraction.length() == 1 ? 10 : 1);
        if (whole > (Long.MAX_VALUE - cents) / TIYN_PER_TENGE) {
            return new Parsed.Invalid("amount \"" + text + "\" is larger than the ledger can hold");
        }
        long tiyn = whole * TIYN_PER_TENGE + cents;
        if (tiyn <= 0) {
            return new Parsed.Invalid("amount must be greater than zero, not \"" + text + "\"");
        }
        return new Parsed.Valid(tiyn);
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Writes tiyn as tenge with two decimals; negative amounts keep their sign. */
    public static String format(long tiyn) {
        boolean negative = tiyn < 0;
        // Long.MIN_VALUE has no positive counterpart: format its magnitude as unsigned.
        String magnitude = Long.toUnsignedString(negative ? -tiyn : tiyn);
        if (magnitude.length() < 3) {
            magnitude = "0".repeat(3 - magnitude.length()) + magnitude;
        }
        int split = magnitude.length() - SCALE;
        return (negative ? "-" : "") + magnitude.substring(0, split) + "." + magnitude.substring(split);
    }
}
