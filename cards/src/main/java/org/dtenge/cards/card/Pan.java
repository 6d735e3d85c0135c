package org.dtenge.cards.card;

import java.util.Optional;

/**
 * A primary account number as it arrives (12 to 19 digits, Luhn-valid). Lives only as long as the
 * request that carries it: the registry keeps its keyed hash and last four digits, never the number.
 */
public final class Pan {
    private final String digits;

    private Pan(String digits) {
        this.digits = digits;
    }

    /** The PAN, or empty when it is not 12 to 19 digits with a valid Luhn check digit. */
    public static Optional<Pan> parse(String text) {
        if (text.length() < 12 || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return luhnValid(text) ? Optional.of(new Pan(text)) : Optional.empty();
    }

    /** The Luhn (mod 10) check over all digits, the last being the check digit. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    String digits() {
        return digits;
    }

    /** Never the number: logs and exceptions see only the last four. */
    @Override
    public String toString() {
        return "**** " + lastFour();
    }
}
