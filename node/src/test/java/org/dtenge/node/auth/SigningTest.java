package org.dtenge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {
    @Test
    void rfc8032Vectors() throws Exception {
        Path file = Path.of(System.getProperty("shared.dir", "../../testdata"), "vectors", "crypto", "rfc8032_section7.1_ed25519.json");
        HexFormat hex = HexFormat.of();
        for (JsonNode vector : new ObjectMapper().readTree(file.toFile()).get("vectors")) {
            SigningKey key = SigningKey.fromSeed(hex.parseHex(vector.get("secret_key").asText()));
            byte[] message = hex.parseHex(vector.get("message").asText());
            assertThat(hex.formatHex(key.publicKey())).isEqualTo(vector.get("public_key").asText());
            assertThat(hex.formatHex(key.sign(message))).isEqualTo(vector.get("signature").asText());
            assertThat(Signatures.verify(key.publicKey(), message, key.sign(message))).isTrue();
        }
    }

    @Test
    void theCanonicalRequestIsTheDocumentedText() {
        byte[] canonical = RequestSigner.canonical("post", "/v1/cash-in?x=1", 1764068400000L, "nonce-0123456789ab",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("DTENGE-REQUEST-1\nPOST\n/v1/cash-in?x=1\n1764068400000\n"
                + "nonce-0123456789ab\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        SigningKey key = SigningKey.generate(new SecureRandom());
        Map<String, String> headers = new RequestSigner("halyk", key).headers("POST", "/v1/cash-in?x=1", "{}".getBytes(
                StandardCharsets.UTF_8), 1764068400000L, "nonce-0123456789ab");
        assertThat(headers).containsOnlyKeys("Dtenge-Participant", "Dtenge-Timestamp", "Dtenge-Nonce", "Dtenge-Signature");
        byte[] signature = Base64Url.decode(headers.get("Dtenge-Signature")).orElseThrow();
        assertThat(Signatures.verify(key.publicKey(), canonical, signature)).isTrue();
        assertThat(RequestSigner.randomNonce()).hasSizeGreaterThanOrEqualTo(RequestSigner.NONCE_LENGTH_MIN);
    }

    /** Key files are the PEM that OpenSSL and the JDK read: signatures from either verify with the other. */
    @Test
    void keyFilesAreStandardPem(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(new SecureRandom());
        KeyFiles.write(dir, "halyk", key);
        assertThat(Files.getPosixFilePermissions(dir.resolve("halyk.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(KeyFiles.readPrivate(dir.resolve("halyk.key"))).isEqualTo(key);
        assertThat(KeyFiles.readPublic(dir.resolve("halyk.pub"))).isEqualTo(key.publicKey());
        String pem = Files.readString(dir.resolve("halyk.key"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
        byte[] message = "DTENGE".getBytes(StandardCharsets.US_ASCII);
        jdk.update(message);
        assertThat(jdk.sign()).isEqualTo(key.sign(message));
        String pub = Files.readString(dir.resolve("halyk.pub"));
        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pub.replaceAll("-----[A-Z ]+-----", "")))));
        verify.update(message);
        assertThat(verify.verify(key.sign(message))).isTrue();
        assertThatThrownBy(() -> KeyFiles.parsePrivate(pub)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verificationNeverThrowsOnGarbage() {
        assertThat(Signatures.verify(new byte[32], new byte[0], new byte[64])).isFalse();
        assertThat(Signatures.verify(new byte[3], new byte[0], new byte[64])).isFalse();
        assertThat(Signatures.isValidPublicKey(new byte[32])).isFalse();
    }

    @Test
    void aNonceIsAcceptedOnceWithinItsWindow() {
        NonceWindow window = new NonceWindow(1_000, 3);
        assertThat(window.record("halyk", "n1", 0)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("halyk", "n1", 10)).isEqualTo(NonceWindow.Verdict.REPLAYED);
        assertThat(window.record("bcc", "n1", 10)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("halyk", "n1", 1_500)).isEqualTo(NonceWindow.Verdict.REPLAYED); // previous generation
        assertThat(window.record("halyk", "n1", 3_100)).isEqualTo(NonceWindow.Verdict.FRESH);    // long forgotten
        assertThat(window.record("halyk", "n2", 3_100)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("halyk", "n3", 3_100)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("halyk", "n4", 3_100)).isEqualTo(NonceWindow.Verdict.FULL);
    }

    @Test
    void aNonceWindowKeepsMillionsApartAcrossGenerations() {
        java.util.Random random = new java.util.Random(20261203);
        NonceWindow window = new NonceWindow(1_000, 2_000_000, new SecureRandom());
        String[] first = new String[300_000];
        for (int i = 0; i < first.length; i++) {
            first[i] = Long.toString(random.nextLong(), 36) + "-" + i;
            assertThat(window.record("halyk", first[i], 0)).isEqualTo(NonceWindow.Verdict.FRESH);
        }
        String[] second = new String[300_000];
        for (int i = 0; i < second.length; i++) {
            second[i] = Long.toString(random.nextLong(), 36) + "+" + i;
            assertThat(window.record("halyk", second[i], 1_000)).isEqualTo(NonceWindow.Verdict.FRESH);
        }
        for (int i = 0; i < first.length; i += 7) {
            assertThat(window.record("halyk", first[i], 1_500)).isEqualTo(NonceWindow.Verdict.REPLAYED);
            assertThat(window.record("halyk", second[i], 1_500)).isEqualTo(NonceWindow.Verdict.REPLAYED);
            assertThat(window.record("kazpost", first[i], 1_500)).isEqualTo(NonceWindow.Verdict.FRESH);
        }
        // The first generation is dropped as the third starts; the second is still remembered.
        assertThat(window.record("halyk", first[0], 2_000)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("halyk", second[0], 2_000)).isEqualTo(NonceWindow.Verdict.REPLAYED);
    }

    @Test
    void aNonceIsNotConfusedWithAnotherParticipantsLongerOne() {
        NonceWindow window = new NonceWindow(1_000, 10);
        assertThat(window.record("bcc", "1nonce-nonce-nonce", 0)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("bcc1", "nonce-nonce-nonce", 0)).isEqualTo(NonceWindow.Verdict.FRESH);
        assertThat(window.record("bcc", "1nonce-nonce-nonce", 0)).isEqualTo(NonceWindow.Verdict.REPLAYED);
    }
}
