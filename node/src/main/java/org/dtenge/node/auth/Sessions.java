package org.dtenge.node.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session credentials: a cheaper way to authenticate many requests than one Ed25519 signature each.
 * A participant opens a session with an ordinary signed request and receives a session id and a
 * 32-byte session key; it then signs each request with HMAC-SHA256 under that key (about a
 * microsecond, against about a hundred for Ed25519), with the same canonical text, timestamp window
 * and nonces, so expiry and replay protection are unchanged.
 *
 * <p>Sessions are stateless: the id is {@code <participant>.<expiry millis>.<128 random bits>} and
 * the key is HMAC-SHA256(node secret, "DTENGE-SESSION-1\n" + id). The node secret is drawn at start
 * and never leaves memory, so a restart ends every session (clients open a new one on 401) and no
 * session can be forged without it. Nothing is stored per session.
 */
public final class Sessions {
    public static final String DOMAIN = "DTENGE-SESSION-1";
    public static final int KEY_SIZE = 32;

    /** HMAC-SHA256 keyed with the node secret, cloned for each use: cheaper than looking up and keying a new one. */
    private final Mac secretMac;
    private final InstantSource clock;
    private final Duration lifetime;
    private final SecureRandom random;

    public Sessions(SecureRandom random, InstantSource clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive: " + lifetime);
        }
        byte[] bytes = new byte[KEY_SIZE];
        random.nextBytes(bytes);
        try {
            this.secretMac = Mac.getInstance("HmacSHA256");
            secretMac.init(new SecretKeySpec(bytes, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256 with 32-byte keys", e);
        }
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
    }

    /** A session's credentials, as the participant receives them. */
    public record Session(String id, String participant, byte[] key, long expiresAtMillis) {}

    /** A new session for {@code participant}, valid for the configured lifetime from now. */
    public Session open(String participant) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        long expires = clock.millis() + lifetime.toMillis();
        String id = participant + "." + expires + "." + Base64Url.encode(nonce);
        return new Session(id, participant, keyOf(id), expires);
    }

    /** The session named by {@code id}, if it is well formed; expiry is the caller's to check. */
    public Optional<Session> resolve(String id) {
        int first = id.indexOf('.');
        int second = first < 0 ? -1 : id.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || id.length() > 200) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(id, first + 1, second, 10);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Session(id, id.substring(0, first), keyOf(id), expires));
    }

    /** HMAC-SHA256 of {@code message} under a session key. */
    public static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256 with 32-byte keys", e);
        }
    }

    /** Compares in time independent of where the two differ. */
    public static boolean matches(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }

    private byte[] keyOf(String id) {
        try {
            return ((Mac) secretMac.clone()).doFinal((DOMAIN + "\n" + id).getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
