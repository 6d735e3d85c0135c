package org.dtenge.node.money;

import java.util.Optional;

/**
 * A client-chosen 128-bit transfer (payment) id: the ledger applies an id at most once, which makes
 * repeating a request safe. Written as 32 lowercase hex digits.
 */
public record TransferId(long hi, long lo) {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    public TransferId {
        if (hi == 0 && lo == 0) {
            throw new IllegalArgumentException("transfer id must not be zero");
        }
    }

    /** Parses 32 hex digits (either case); empty for anything else, zero included. */
    public static Optional<TransferId> parse(String text) {
        if (text.length() != 32) {
            return Optional.empty();
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 32; i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            if (i < 16) {
                hi = hi << 4 | digit;
            } else {
                lo = lo << 4 | digit;
            }
        }
        return hi == 0 && lo == 0 ? Optional.empty() : Optional.of(new TransferId(hi, lo));
    }

    /** 0-15 for an ASCII hex digit (either case), else -1. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** A random id, for callers that do not keep their own. */
    public static TransferId random(java.util.random.RandomGenerator random) {
        long hi = random.nextLong();
        long lo = random.nextLong();
        return hi == 0 && lo == 0 ? new TransferId(0, 1) : new TransferId(hi, lo);
    }

    public String hex() {
        byte[] digits = new byte[32];
        for (int i = 0; i < 16; i++) {
            digits[15 - i] = DIGITS[(int) (hi >>> (4 * i)) & 15];
            digits[31 - i] = DIGITS[(int) (lo >>> (4 * i)) & 15];
        }
        return new String(digits, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return hex();
    }
}
