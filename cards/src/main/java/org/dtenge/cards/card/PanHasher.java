package org.dtenge.cards.card;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dtenge.cards.CardsException;

/**
 * The keyed hash under which a card is found: HMAC-SHA256 of the PAN with a node secret. A plain hash
 * of a PAN could be reversed by trying the few billion numbers of a BIN range; without the key it
 * cannot. The key is 32 random bytes in {@code cards.key} in the data directory, made at first start
 * and readable by the owner only: lose it and the journal's card records can no longer be matched.
 */
public final class PanHasher {
    public static final int HASH_BYTES = 32;
    private static final String FILE = "cards.key";

    /** Keyed once; each hash works on a clone, which is cheaper than a new Mac and safe across threads. */
    private final Mac prototype;

    public PanHasher(byte[] key) {
        CardsException.check(key.length == 32, "the card key is 32 bytes");
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new CardsException("every JDK has HmacSHA256", e);
        }
    }

    /** The key in {@code dataDir}, made if there is none yet. */
    public static PanHasher openOrCreate(Path dataDir) {
        return new PanHasher(KeyFile.openOrCreate(dataDir, FILE));
    }

    public byte[] hash(Pan pan) {
        Mac mac;
        synchronized (prototype) {
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new CardsException("the JDK's HmacSHA256 is cloneable", e);
            }
        }
        return mac.doFinal(pan.digits().getBytes(StandardCharsets.US_ASCII));
    }
}
