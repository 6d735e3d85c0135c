package org.dtenge.cards.card;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dtenge.cards.CardsException;

/**
 * HMAC-SHA256 under one 32-byte key, for many threads: keyed once, and each computation works on a
 * clone, which is cheaper than a new Mac and needs no lock while it runs.
 */
public final class KeyedMac {
    public static final int KEY_BYTES = 32;

    private final Mac prototype;

    /** @param what what the key is, for the message when it has the wrong length */
    public KeyedMac(byte[] key, String what) {
        CardsException.check(key.length == KEY_BYTES, what + " is " + KEY_BYTES + " bytes");
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new CardsException("every JDK has HmacSHA256", e);
        }
    }

    /** The MAC of {@code bytes[0, length)}. */
    public byte[] of(byte[] bytes, int length) {
        Mac mac;
        synchronized (prototype) {
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new CardsException("the JDK's HmacSHA256 is cloneable", e);
            }
        }
        mac.update(bytes, 0, length);
        return mac.doFinal();
    }
}
