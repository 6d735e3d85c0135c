package org.dtenge.node.money;

/**
 * The printable address of an account: {@code "DT"}, two check digits, then the 80-bit account id as
 * 16 characters of Crockford base32 (digits and upper-case letters without I, L, O, U), 20 characters
 * in all, for example {@code DT4204XCGR9B1QKAE2ZT}. Every character is in the QR alphanumeric set, so
 * the address encodes compactly in a QR code. Lower case is accepted and means the same.
 *
 * <p>Check digits follow ISO 7064 MOD 97-10 as IBAN does: the payload characters and then "DT" are
 * read as base-32 digits, giving r = value mod 97, and the check digits are {@code 98 - (100 r mod 97)},
 * so that {@code (100 r + check) mod 97 = 1}. Because 97 is prime and larger than any difference of two
 * base-32 digits, and 31 (the weight difference of neighbours) is not a multiple of it, every
 * single-character substitution and every transposition of neighbouring characters is detected
 * ({@code WalletAddressTest} checks this exhaustively on random addresses).
 */
public final class WalletAddress {
    public static final String PREFIX = "DT";
    public static final int PAYLOAD_LENGTH = 16;
    public static final int LENGTH = PREFIX.length() + 2 + PAYLOAD_LENGTH;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** The value of each character (either case), or -1 for one not in the alphabet. */
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int v = 0; v < ALPHABET.length(); v++) {
            VALUES[ALPHABET.charAt(v)] = (byte) v;
            VALUES[Character.toLowerCase(ALPHABET.charAt(v))] = (byte) v;
        }
    }

    private WalletAddress() {}

    /** Either the account id, or what is wrong with the text. */
    public sealed interface Parsed {
        record Valid(AccountId id) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    public static String format(AccountId id) {
        char[] payload = new char[PAYLOAD_LENGTH];
        long lo = id.lo();
        long hi = id.hi();
        // 80 bits, 5 per character, least significant last.
        for (int i = PAYLOAD_LENGTH - 1; i >= 0; i--) {
            payload[i] = ALPHABET.charAt((int) (lo & 31));
            lo = (lo >>> 5) | (hi << 59);
            hi >>>= 5;
        }
        String body = new String(payload);
        int check = 98 - (int) ((remainder(body) * 100) % 97);
        return PREFIX + (check < 10 ? "0" : "") + check + body;
    }

    public static Parsed parse(String text) {
        if (text.length() != LENGTH) {
            return new Parsed.Invalid("a wallet address has " + LENGTH + " characters, \"" + text + "\" has " + text.length());
        }
        if (Character.toUpperCase(text.charAt(0)) != PREFIX.charAt(0) || Character.toUpperCase(text.charAt(1)) != PREFIX.charAt(1)) {
            return new Parsed.Invalid("a wallet address starts with \"" + PREFIX + "\", \"" + text + "\" does not");
        }
        char c1 = text.charAt(2);
        char c2 = text.charAt(3);
        if (c1 < '0' || c1 > '9' || c2 < '0' || c2 > '9') {
            return new Parsed.Invalid("characters 3 and 4 of a wallet address are check digits, \"" + text.substring(2, 4)
                    + "\" is not two digits");
        }
        long r = 0; // the payload then "DT" as base-32 digits, mod 97
        long hi = 0;
        long lo = 0;
        for (int i = 4; i < LENGTH; i++) {
            int value = value(text.charAt(i));
            if (value < 0) {
                return new Parsed.Invalid("character " + (i + 1) + " of the wallet address, '" + text.charAt(i)
                        + "', is not in the address alphabet (digits and letters except I, L, O, U)");
            }
            r = r * 32 + value;
            if ((i & 7) == 7) { // below 97 * 32^8 < 2^63 between reductions: one division per 8 characters
                r %= 97;
            }
            hi = (hi << 5) | (lo >>> 59);
            lo = (lo << 5) | value;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            r = (r * 32 + value(PREFIX.charAt(i))) % 97;
        }
        int check = (c1 - '0') * 10 + (c2 - '0');
        if ((r * 100 + check) % 97 != 1) {
            return new Parsed.Invalid("the check digits of \"" + text + "\" do not match: the address has a typo");
        }
        if (hi == 0 && lo == 0) {
            return new Parsed.Invalid("the zero address names no account");
        }
        return new Parsed.Valid(new AccountId(hi, lo)); // 16 characters are exactly 80 bits
    }

    private static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    /** The payload then "DT", read as base-32 digits, mod 97. */
    private static long remainder(String body) {
        long r = 0;
        for (int i = 0; i < body.length(); i++) {
            r = (r * 32 + value(body.charAt(i))) % 97;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            r = (r * 32 + value(PREFIX.charAt(i))) % 97;
        }
        return r;
    }
}
