package org.dtenge.node.money;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A client-chosen 128-bit transfer (payment) id: the ledger applies an id at most once, which makes
 * repeating a request safe. Written as 32 lowercase hex digits.
 */
public record TransferId(long hi, long lo) {
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
        for (int i = 0; i < 32; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        long hi = Long.parseUnsignedLong(text, 0, 16, 16);
        long lo = Long.parseUnsignedLong(text, 16, 32, 16);
        return hi == 0 && lo == 0 ? Optional.empty() : Optional.of(new TransferId(hi, lo));
    }

    /** A random id, for callers that do not keep their own. */
    public static TransferId random(java.util.random.RandomGenerator random) {
        long hi = random.nextLong();
        long lo = random.nextLong();
        return hi == 0 && lo == 0 ? new TransferId(0, 1) : new TransferId(hi, lo);
    }

    public String hex() {
        return HexFormat.of().toHexDigits(hi) + HexFormat.of().toHexDigits(lo);
    }

    @Override
    public String toString() {
        return hex();
    }
}
