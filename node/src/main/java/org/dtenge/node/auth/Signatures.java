package org.dtenge.node.auth;

import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032): the project's batch verifier when the jar has it for this machine
 * ({@link BatchEd25519}), else libsodium ({@link Sodium}), else BouncyCastle. Never throws on bad input:
 * it answers false. The three give the same answers, except for signatures whose R or key has a
 * small-order component added, which only a key's owner can make: the batch verifier's cofactored
 * equation accepts them, alone or in a batch alike (see {@link BatchEd25519}).
 */
public final class Signatures {
    private static final Optional<Sodium> SODIUM = Sodium.load();
    private static final Optional<BatchEd25519> BATCH = BatchEd25519.load();
    /** Signatures per batch call: past 64, a batch gains little (17.8 against 18.0 µs each in a loop) and holds more memory. */
    public static final int BATCH_SIZE = 64;

    private Signatures() {}

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != SigningKey.PUBLIC_KEY_SIZE || signature.length != SigningKey.SIGNATURE_SIZE) {
            return false;
        }
        if (BATCH.isPresent()) {
            return BATCH.get().allValid(new byte[][] {publicKey}, new byte[][] {message}, new byte[][] {signature}, 0, 1);
        }
        if (SODIUM.isPresent()) {
            return SODIUM.get().verify(publicKey, message, signature);
        }
        return verifyWithBouncyCastle(publicKey, message, signature);
    }

    /**
     * Whether each signature verifies, in order: checked together in batches of {@link #BATCH_SIZE} when
     * the batch verifier is here, one by one otherwise, and one by one within a batch that does not
     * verify as a whole (so a bad signature costs its batch about twice).
     */
    public static boolean[] verifyAll(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        int n = publicKeys.length;
        if (messages.length != n || signatures.length != n) {
            throw new IllegalArgumentException("keys, messages and signatures must be as many");
        }
        boolean[] valid = new boolean[n];
        for (int from = 0; from < n; from += BATCH_SIZE) {
            int to = Math.min(n, from + BATCH_SIZE);
            if (BATCH.isPresent() && to - from > 1 && BATCH.get().allValid(publicKeys, messages, signatures, from, to)) {
                java.util.Arrays.fill(valid, from, to, true);
                continue;
            }
            for (int i = from; i < to; i++) {
                valid[i] = verify(publicKeys[i], messages[i], signatures[i]);
            }
        }
        return valid;
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

    /** Which implementation verifies: "batch", "libsodium" or "BouncyCastle" (for the log and the metrics). */
    public static String implementation() {
        return BATCH.isPresent() ? "batch" : SODIUM.isPresent() ? "libsodium" : "BouncyCastle";
    }

    static Optional<Sodium> sodium() {
        return SODIUM;
    }

    static Optional<BatchEd25519> batch() {
        return BATCH;
    }

    /**
     * Whether {@code publicKey} is a point on the curve of the full order L: not all-zero, not of small
     * order, and with no small-order component added (which the batch verifier's cofactored equation
     * would not notice).
     */
    public static boolean isValidPublicKey(byte[] publicKey) {
        return publicKey.length == SigningKey.PUBLIC_KEY_SIZE && Ed25519.validatePublicKeyFull(publicKey, 0);
    }
}
