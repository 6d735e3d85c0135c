package org.dtenge.node.auth;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (the 32-byte seed of RFC 8032) and its public key. Signing uses
 * BouncyCastle's RFC 8032 code, about 25 times faster than the JDK's provider on this hardware.
 */
public final class SigningKey {
    public static final int SEED_SIZE = Ed25519.SECRET_KEY_SIZE;
    public static final int PUBLIC_KEY_SIZE = Ed25519.PUBLIC_KEY_SIZE;
    public static final int SIGNATURE_SIZE = Ed25519.SIGNATURE_SIZE;

    private final byte[] seed;
    private final byte[] publicKey;

    private SigningKey(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is " + SEED_SIZE + " bytes, not " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new byte[PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
    }

    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(seed);
    }

    public static SigningKey generate(SecureRandom random) {
        byte[] seed = new byte[SEED_SIZE];
        Ed25519.generatePrivateKey(random, seed);
        return new SigningKey(seed);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The private seed; handle with care (it is what {@link KeyFiles} writes to a key file). */
    public byte[] seed() {
        return seed.clone();
    }

    public byte[] sign(byte[] message) {
        byte[] signature = new byte[SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public String toString() {
        return "Ed25519 key " + Base64Url.encode(publicKey); // never the seed
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }
}
