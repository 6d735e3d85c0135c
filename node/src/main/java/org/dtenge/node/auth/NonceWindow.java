package org.dtenge.node.auth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the nonces of signed requests, so that a captured request cannot be sent again. A request
 * is accepted only within the clock skew of its timestamp, so a nonce only needs remembering for twice
 * that: two generations of {@code generationMillis} each are kept, the older dropped as a new one
 * starts, which bounds memory by the request rate over two generations. If even that bound is reached
 * (a flood), new requests are refused rather than forgetting nonces early.
 */
public final class NonceWindow {
    private final long generationMillis;
    private final int perGenerationMax;
    private Set<String> current = ConcurrentHashMap.newKeySet();
    private Set<String> previous = ConcurrentHashMap.newKeySet();
    private long currentStartMillis;

    public NonceWindow(long generationMillis, int perGenerationMax) {
        this.generationMillis = generationMillis;
        this.perGenerationMax = perGenerationMax;
    }

    /** The outcome of presenting a nonce. */
    public enum Verdict {
        FRESH,
        REPLAYED,
        FULL
    }

    /** Records {@code participant}'s {@code nonce} unless it was seen; at {@code nowMillis}. */
    public synchronized Verdict record(String participant, String nonce, long nowMillis) {
        if (nowMillis - currentStartMillis >= generationMillis) {
            previous = nowMillis - currentStartMillis >= 2 * generationMillis ? ConcurrentHashMap.newKeySet() : current;
            current = ConcurrentHashMap.newKeySet();
            currentStartMillis = nowMillis;
        }
        String key = participant + '\n' + nonce;
        if (previous.contains(key) || current.contains(key)) {
            return Verdict.REPLAYED;
        }
        if (current.size() >= perGenerationMax) {
            return Verdict.FULL;
        }
        current.add(key);
        return Verdict.FRESH;
    }
}
