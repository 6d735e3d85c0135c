package org.dtenge.node.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Remembers the nonces of signed requests, so that a captured request cannot be sent again. A request
 * is accepted only within the clock skew of its timestamp, so a nonce only needs remembering for twice
 * that: two generations of {@code generationMillis} each are kept, the older dropped as a new one
 * starts, which bounds memory by the request rate over two generations. If even that bound is reached
 * (a flood), new requests are refused rather than forgetting nonces early.
 *
 * <p>What is remembered of a nonce is a 128-bit fingerprint: SHA-256 over a salt drawn at start, the
 * participant and the nonce. Two different nonces share a fingerprint with a chance of about 2^-128
 * per pair, and nobody can aim for a collision without the salt. The fingerprints sit in flat arrays
 * ({@link FingerprintSet}): 23 to 46 bytes a nonce and no objects, where a set of strings took about
 * 120 bytes and three objects a nonce, which at 10,000 requests a second the collector had to trace
 * by the million. Each generation starts sized for as many nonces as the last one took, so it does
 * not grow while the rate holds.
 */
public final class NonceWindow {
    private final long generationMillis;
    private final int perGenerationMax;
    private final MessageDigest salted;
    private FingerprintSet current = new FingerprintSet(1_024);
    private FingerprintSet previous = new FingerprintSet(0);
    private long currentStartMillis;

    public NonceWindow(long generationMillis, int perGenerationMax) {
        this(generationMillis, perGenerationMax, new SecureRandom());
    }

    NonceWindow(long generationMillis, int perGenerationMax, SecureRandom random) {
        this.generationMillis = generationMillis;
        this.perGenerationMax = perGenerationMax;
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            salted = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        salted.update(salt);
    }

    /** The outcome of presenting a nonce. */
    public enum Verdict {
        FRESH,
        REPLAYED,
        FULL
    }

    /** Records {@code participant}'s {@code nonce} unless it was seen; at {@code nowMillis}. */
    public Verdict record(String participant, String nonce, long nowMillis) {
        ByteBuffer fingerprint = ByteBuffer.wrap(fingerprint(participant, nonce));
        long hi = fingerprint.getLong(0);
        long lo = fingerprint.getLong(8);
        if (hi == 0 && lo == 0) {
            lo = 1; // (0, 0) marks an empty slot; this merges two fingerprints in 2^128
        }
        synchronized (this) {
            if (nowMillis - currentStartMillis >= generationMillis) {
                boolean silent = nowMillis - currentStartMillis >= 2 * generationMillis;
                int expected = Math.min(perGenerationMax, current.size());
                previous = silent ? new FingerprintSet(0) : current;
                current = new FingerprintSet(expected);
                currentStartMillis = nowMillis;
            }
            if (previous.contains(hi, lo) || current.contains(hi, lo)) {
                return Verdict.REPLAYED;
            }
            if (current.size() >= perGenerationMax) {
                return Verdict.FULL;
            }
            current.add(hi, lo);
            return Verdict.FRESH;
        }
    }

    /** SHA-256 of the salt, the participant's length and bytes, and the nonce's bytes. */
    private byte[] fingerprint(String participant, String nonce) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) salted.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
        byte[] who = participant.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(0, who.length).array());
        digest.update(who);
        digest.update(nonce.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }
}
