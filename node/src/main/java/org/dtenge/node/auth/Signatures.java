package org.dtenge.node.auth;

import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032): libsodium when the machine has it ({@link Sodium}), else
 * BouncyCastle. Never throws on bad input: it answers false.
 */
public final class Signatures {
    private static final Optional<Sodium> SODIUM = Sodium.load();

    private Signatures() {}

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != SigningKey.PUBLIC_KEY_SIZE || signature.length != SigningKey.SIGNATURE_SIZE) {
            return false;
        }
        if (SODIUM.isPresent()) {
            return SODIUM.get().verify(publicKey, message, signature);
        }
        return verifyWithBouncyCastle(publicKey, message, signature);
    }

    static boolean verifyWithBouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != SigningKey.PUBLIC_KEY_SIZE || signature.length != SigningKey.SIGNATURE_SIZE) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false; // a malformed point; BouncyCastle mostly answers false already
        }
    }

    /** Which implementation verifies: "libsodium" or "BouncyCastle" (for the log and the metrics). */
    public static String implementation() {
        return SODIUM.isPresent() ? "libsodium" : "BouncyCastle";
    }

    static Optional<Sodium> sodium() {
        return SODIUM;
    }

    /** Whether {@code publicKey} is a point on the curve that can verify anything (not all-zero, say). */
    public static boolean isValidPublicKey(byte[] publicKey) {
        return publicKey.length == SigningKey.PUBLIC_KEY_SIZE && Ed25519.validatePublicKeyFull(publicKey, 0);
    }
}
