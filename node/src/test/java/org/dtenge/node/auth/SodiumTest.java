package org.dtenge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * libsodium and BouncyCastle must give the same answer for every input, since which one runs depends
 * on the machine: RFC 8032's vectors, then seeded random signatures, mutated in one bit, truncated
 * messages and random garbage.
 */
class SodiumTest {
    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    @Test
    void ciHasLibsodium() {
        // .ci/run installs libsodium and says so; elsewhere the node works without it, on BouncyCastle.
        Assumptions.assumeTrue("1".equals(System.getenv("DTENGE_REQUIRE_SODIUM")), "libsodium is only required in CI");
        assertThat(Signatures.sodium()).isPresent();
    }

    @Test
    void rfc8032VectorsVerifyWithBoth() throws Exception {
        Assumptions.assumeTrue(Signatures.sodium().isPresent(), "no libsodium on this machine");
        Sodium sodium = Signatures.sodium().orElseThrow();
        Path file = Path.of(System.getProperty("shared.dir", "../../testdata"), "vectors", "crypto", "rfc8032_section7.1_ed25519.json");
        HexFormat hex = HexFormat.of();
        for (JsonNode vector : new ObjectMapper().readTree(file.toFile()).get("vectors")) {
            byte[] key = hex.parseHex(vector.get("public_key").asText());
            byte[] message = hex.parseHex(vector.get("message").asText());
            byte[] signature = hex.parseHex(vector.get("signature").asText());
            assertThat(sodium.verify(key, message, signature)).isTrue();
            assertThat(Signatures.verifyWithBouncyCastle(key, message, signature)).isTrue();
            signature[0] ^= 1;
            assertThat(sodium.verify(key, message, signature)).isFalse();
        }
    }

    @Test
    void bothAgreeOnSeededRandomInput() {
        System.out.println("SodiumTest seed " + SEED + " (rerun with -Dtest.seed=" + SEED + ")");
        Assumptions.assumeTrue(Signatures.sodium().isPresent(), "no libsodium on this machine");
        Sodium sodium = Signatures.sodium().orElseThrow();
        Random random = new Random(SEED);
        SecureRandom keys = new SecureRandom();
        for (int i = 0; i < 2_000; i++) {
            SigningKey key = SigningKey.generate(keys);
            byte[] message = new byte[random.nextInt(200)];
            random.nextBytes(message);
            byte[] publicKey = key.publicKey();
            byte[] signature = key.sign(message);
            switch (random.nextInt(5)) {
                case 0 -> { } // valid
                case 1 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> publicKey[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                case 3 -> {
                    if (message.length > 0) {
                        message[random.nextInt(message.length)] ^= 1;
                    }
                }
                default -> random.nextBytes(signature);
            }
            boolean bc = Signatures.verifyWithBouncyCastle(publicKey, message, signature);
            assertThat(sodium.verify(publicKey, message, signature)).as("seed %d, case %d", SEED, i).isEqualTo(bc);
        }
    }
}
