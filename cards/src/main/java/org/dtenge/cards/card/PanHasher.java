package org.dtenge.cards.card;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The keyed hash under which a card is found: HMAC-SHA256 of the PAN with a node secret. A plain hash
 * of a PAN could be reversed by trying the few billion numbers of a BIN range; without the key it
 * cannot. The key is 32 random bytes in {@code cards.key} in the data directory, made at first start
 * and readable by the owner only: lose it and the journal's card records can no longer be matched.
 */
public final class PanHasher {
    public static final int HASH_BYTES = 32;
    private static final String FILE = "cards.key";

    private final KeyedMac mac;

    public PanHasher(byte[] key) {
        this.mac = new KeyedMac(key, "the card key");
    }

    /** The key in {@code dataDir}, made if there is none yet. */
    public static PanHasher openOrCreate(Path dataDir) {
        return new PanHasher(KeyFile.openOrCreate(dataDir, FILE));
    }

    public byte[] hash(Pan pan) {
        byte[] digits = pan.digits().getBytes(StandardCharsets.US_ASCII);
        return mac.of(digits, digits.length);
    }
}
