package org.dtenge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch verifier (ed25519_batch.c) against libsodium: the same answer for each signature alone,
 * and a batch accepted exactly when libsodium accepts every signature in it; RFC 8032's vectors; the
 * encodings libsodium refuses; and {@link Signatures#verifyAll} naming the bad signatures in a batch.
 */
class BatchEd25519Test {
    private static final long SEED = Long.getLong("test.seed", System.nanoTime());
    private static final HexFormat HEX = HexFormat.of();
    /** L, the order of the base point, little-endian. */
    private static final byte[] L = HEX.parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    private BatchEd25519 batch;
    private Sodium sodium;

    @Test
    void ciHasTheBatchVerifier() {
        // .ci/run installs libsodium and the machine has a C compiler; elsewhere the node verifies one by one.
        Assumptions.assumeTrue("1".equals(System.getenv("DTENGE_REQUIRE_SODIUM")), "only required in CI");
        assertThat(Signatures.implementation()).isEqualTo("batch");
    }

    @BeforeEach
    void load() {
        Assumptions.assumeTrue(Signatures.batch().isPresent(), "no batch verifier built for this machine");
        Assumptions.assumeTrue(Signatures.sodium().isPresent(), "no libsodium on this machine");
        batch = Signatures.batch().orElseThrow();
        sodium = Signatures.sodium().orElseThrow();
    }

    private boolean alone(byte[] key, byte[] message, byte[] signature) {
        return batch.allValid(new byte[][] {key}, new byte[][] {message}, new byte[][] {signature}, 0, 1);
    }

    @Test
    void rfc8032VectorsVerifyAloneAndTogether() throws Exception {
        Path file = Path.of(System.getProperty("shared.dir", "../../testdata"), "vectors", "crypto", "rfc8032_section7.1_ed25519.json");
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (JsonNode vector : new ObjectMapper().readTree(file.toFile()).get("vectors")) {
            keys.add(HEX.parseHex(vector.get("public_key").asText()));
            messages.add(HEX.parseHex(vector.get("message").asText()));
            signatures.add(HEX.parseHex(vector.get("signature").asText()));
            assertThat(alone(keys.getLast(), messages.getLast(), signatures.getLast())).isTrue();
        }
        byte[][] k = keys.toArray(byte[][]::new);
        byte[][] m = messages.toArray(byte[][]::new);
        byte[][] s = signatures.toArray(byte[][]::new);
        assertThat(batch.allValid(k, m, s, 0, k.length)).isTrue();
        s[1] = s[1].clone();
        s[1][5] ^= 1;
        assertThat(batch.allValid(k, m, s, 0, k.length)).isFalse();
        assertThat(Signatures.verifyAll(k, m, s)).containsExactly(true, false, true, true, true);
    }

    @Test
    void agreesWithLibsodiumOnSeededRandomInputAloneAndInBatches() {
        System.out.println("BatchEd25519Test seed " + SEED + " (rerun with -Dtest.seed=" + SEED + ")");
        Random random = new Random(SEED);
        SecureRandom keyRandom = new SecureRandom();
        int n = 1_500;
        byte[][] keys = new byte[n][];
        byte[][] messages = new byte[n][];
        byte[][] signatures = new byte[n][];
        boolean[] expected = new boolean[n];
        for (int i = 0; i < n; i++) {
            SigningKey key = SigningKey.generate(keyRandom);
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            byte[] publicKey = key.publicKey();
            byte[] signature = key.sign(message);
            // Mostly valid, so that batches of valid signatures are common enough to be tested.
            switch (random.nextInt(12)) {
                case 0 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> publicKey[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    if (message.length > 0) {
                        message[random.nextInt(message.length)] ^= 1;
                    }
                }
                case 3 -> random.nextBytes(signature);
                case 4 -> signature = addL(signature);
                default -> { } // valid
            }
            keys[i] = publicKey;
            messages[i] = message;
            signatures[i] = signature;
            expected[i] = sodium.verify(publicKey, message, signature);
            assertThat(alone(publicKey, message, signature)).as("seed %d, signature %d alone", SEED, i).isEqualTo(expected[i]);
        }
        int batches = 0;
        int validBatches = 0;
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
            boolean all = true;
            for (int i = from; i < to; i++) {
                all &= expected[i];
            }
            assertThat(batch.allValid(keys, messages, signatures, from, to)).as("seed %d, batch %d..%d", SEED, from, to)
                    .isEqualTo(all);
            batches++;
            validBatches += all ? 1 : 0;
            from = to;
        }
        assertThat(validBatches).as("batches of valid signatures tested").isGreaterThan(batches / 10);
        assertThat(Signatures.verifyAll(keys, messages, signatures)).isEqualTo(expected);
    }

    @Test
    void refusesWhatLibsodiumRefuses() {
        SigningKey key = SigningKey.generate(new SecureRandom());
        byte[] message = "pay 1500.00 to magnum".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        byte[] identity = HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] orderFour = new byte[32]; // y = 0: the point (sqrt(-1), 0), of order 4
        byte[] yIsP = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        List<byte[][]> cases = List.of(
                new byte[][] {key.publicKey(), addL(signature)},                         // s not below L
                new byte[][] {key.publicKey(), withR(signature, identity)},              // R of small order
                new byte[][] {key.publicKey(), withR(signature, orderFour)},
                new byte[][] {key.publicKey(), withR(signature, yIsP)},                  // R not canonical
                new byte[][] {identity, signature},                                      // key of small order
                new byte[][] {orderFour, signature},
                new byte[][] {yIsP, signature},                                          // key not canonical
                new byte[][] {flipSign(key.publicKey()), signature},                     // the other x
                new byte[][] {key.publicKey(), withR(signature, flipSign(java.util.Arrays.copyOf(signature, 32)))});
        assertThat(alone(key.publicKey(), message, signature)).isTrue();
        for (byte[][] c : cases) {
            assertThat(sodium.verify(c[0], message, c[1])).as("libsodium").isFalse();
            assertThat(alone(c[0], message, c[1])).as("alone").isFalse();
            byte[][] keys = {key.publicKey(), c[0], key.publicKey()};
            byte[][] messages = {message, message, message};
            byte[][] signatures = {signature, c[1], signature};
            assertThat(batch.allValid(keys, messages, signatures, 0, 3)).as("in a batch").isFalse();
        }
    }

    /**
     * With a key A of small order, [8]([s]B - R - [h]A) is the identity for R = [s]B, whatever the
     * message: the cofactored equation alone would accept it. The key check must refuse it.
     */
    @Test
    void refusesKeysOfSmallOrderWhereTheCofactoredEquationHolds() throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        byte[] r = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, r, 0); // [a]B, a from the seed as RFC 8032 makes it
        byte[] a = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-512").digest(seed), 32);
        a[0] &= (byte) 248;
        a[31] &= 127;
        a[31] |= 64;
        byte[] sBigEndian = new java.math.BigInteger(1, reverse(a)).mod(new java.math.BigInteger(1, reverse(L))).toByteArray();
        byte[] s = new byte[32]; // s = a mod L, little-endian: [s]B = [a]B = R
        for (int i = 0; i < sBigEndian.length && i < 32; i++) {
            s[i] = sBigEndian[sBigEndian.length - 1 - i];
        }
        byte[] signature = new byte[64];
        System.arraycopy(r, 0, signature, 0, 32);
        System.arraycopy(s, 0, signature, 32, 32);
        byte[] message = "anything".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String key : List.of("0100000000000000000000000000000000000000000000000000000000000000",
                "0000000000000000000000000000000000000000000000000000000000000000",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) { // identity, order 4, order 2
            byte[] smallOrder = HEX.parseHex(key);
            assertThat(sodium.verify(smallOrder, message, signature)).as("libsodium, key %s", key).isFalse();
            assertThat(alone(smallOrder, message, signature)).as("alone, key %s", key).isFalse();
        }
    }

    /**
     * The cofactored equation would not notice a small-order component added to a key, so the node
     * registers only keys of full order: A + T for T = (0, -1), of order 2, is refused.
     */
    @Test
    void keysWithASmallOrderComponentAreNotValidForRegistration() {
        byte[] key = SigningKey.generate(new SecureRandom()).publicKey();
        java.math.BigInteger p = java.math.BigInteger.TWO.pow(255).subtract(java.math.BigInteger.valueOf(19));
        byte[] y = key.clone();
        int sign = (y[31] >> 7) & 1;
        y[31] &= 0x7f;
        byte[] minusY = new java.math.BigInteger(1, reverse(y)).negate().mod(p).toByteArray();
        byte[] mixed = new byte[32]; // (x, y) + (0, -1) = (-x, -y)
        for (int i = 0; i < minusY.length && i < 32; i++) {
            mixed[i] = minusY[minusY.length - 1 - i];
        }
        mixed[31] |= (byte) ((sign ^ 1) << 7);
        assertThat(Signatures.isValidPublicKey(key)).isTrue();
        assertThat(Signatures.isValidPublicKey(mixed)).isFalse();
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static byte[] addL(byte[] signature) {
        byte[] out = signature.clone();
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (out[32 + i] & 0xff) + (L[i] & 0xff) + carry;
            out[32 + i] = (byte) sum;
            carry = sum >> 8;
        }
        return out;
    }

    private static byte[] withR(byte[] signature, byte[] r) {
        byte[] out = signature.clone();
        System.arraycopy(r, 0, out, 0, 32);
        return out;
    }

    private static byte[] flipSign(byte[] point) {
        byte[] out = point.clone();
        out[31] ^= (byte) 0x80;
        return out;
    }
}
