package org.dtenge.bench;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.auth.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one signed payment costs the node in Ed25519 work, per operation on one core: the payer's
 * payment signature ({@code PaymentOrder.verify}), and, unless the participant uses a session, the
 * request signature ({@code RequestAuthenticator}). The node verifies with libsodium where the machine
 * has it ({@link #verifyNode}, through {@code Signatures.verify}), else with BouncyCastle from the raw
 * 32-byte key ({@link #verifyFromKeyBytes}). A session request is an HMAC-SHA256 instead
 * ({@link #sessionMac}). For comparison: verifying with the public
 * point decoded once and kept ({@link #verifyWithCachedPoint}; a node could keep it per participant and
 * per wallet), the JDK's own provider ({@link #verifyJdk}), signing ({@link #sign}), and the rest of
 * request authentication, the SHA-256 of a payment's body ({@link #sha256OfPaymentBody}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class SignatureBenchmark {

    /** A key, a 104-byte payment order (the canonical encoding's size) and its signature. */
    @State(Scope.Thread)
    public static class Signed {
        byte[] publicKey;
        byte[] message;
        byte[] signature;
        byte[] body;
        Ed25519.PublicPoint point;
        SigningKey key;
        Signature jdk;
        PublicKey jdkKey;
        byte[] sessionKey;

        @Setup
        public void setUp() throws Exception {
            key = SigningKey.generate(new SecureRandom());
            publicKey = key.publicKey();
            message = new byte[104];
            new SecureRandom().nextBytes(message);
            signature = key.sign(message);
            body = new byte[230];
            sessionKey = new byte[32];
            new SecureRandom().nextBytes(sessionKey);
            point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
            jdk = Signature.getInstance("Ed25519");
            jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                    point(publicKey)));
            if (!Ed25519.verify(signature, 0, point, message, 0, message.length)) {
                throw new IllegalStateException("a verification that must succeed failed");
            }
        }

        /** RFC 8032's encoding: y little-endian, the top bit the sign of x. */
        private static EdECPoint point(byte[] encoded) {
            byte[] y = new byte[32];
            for (int i = 0; i < 32; i++) {
                y[i] = encoded[31 - i];
            }
            boolean xOdd = (y[0] & 0x80) != 0;
            y[0] &= 0x7F;
            return new EdECPoint(xOdd, new java.math.BigInteger(1, y));
        }
    }

    @Benchmark
    public boolean verifyFromKeyBytes(Signed s) {
        return Ed25519.verify(s.signature, 0, s.publicKey, 0, s.message, 0, s.message.length);
    }

    @Benchmark
    public boolean verifyNode(Signed s) {
        return org.dtenge.node.auth.Signatures.verify(s.publicKey, s.message, s.signature);
    }

    @Benchmark
    public byte[] sessionMac(Signed s) {
        return org.dtenge.node.auth.Sessions.mac(s.sessionKey, s.message);
    }

    @Benchmark
    public boolean verifyWithCachedPoint(Signed s) {
        return Ed25519.verify(s.signature, 0, s.point, s.message, 0, s.message.length);
    }

    @Benchmark
    public boolean verifyJdk(Signed s) throws Exception {
        s.jdk.initVerify(s.jdkKey);
        s.jdk.update(s.message);
        return s.jdk.verify(s.signature);
    }

    @Benchmark
    public byte[] sign(Signed s) {
        return s.key.sign(s.message);
    }

    @Benchmark
    public String sha256OfPaymentBody(Signed s) {
        return RequestSigner.sha256Hex(s.body);
    }
}
