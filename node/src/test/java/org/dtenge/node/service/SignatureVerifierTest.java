package org.dtenge.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;

/** Single checks (on their own threads) and batch checks give each signature its own verdict. */
class SignatureVerifierTest {
    private static final SigningKey KEY = SigningKey.generate(new SecureRandom());

    /** Check {@code i}: every third signature is of another message. */
    private static SignatureVerifier.Check check(int i) {
        byte[] message = new byte[104];
        new SplittableRandom(i).nextBytes(message);
        byte[] signature = KEY.sign(message);
        if (i % 3 == 0) {
            message[i % message.length] ^= 1;
        }
        return new SignatureVerifier.Check(KEY.publicKey(), message, signature);
    }

    @Test
    void manyRequestThreadsAtOnceEachGetTheirOwnVerdict() throws Exception {
        try (SignatureVerifier verifier = new SignatureVerifier(2);
             ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                SignatureVerifier.Check check = check(i);
                verdicts.add(requests.submit((Callable<Boolean>) () -> verifier.verify(check)));
            }
            boolean[] batch = verifier.verify(java.util.stream.IntStream.range(0, 600).mapToObj(SignatureVerifierTest::check).toList());
            for (int i = 0; i < 600; i++) {
                assertThat(verdicts.get(i).get()).as("check %d", i).isEqualTo(i % 3 != 0);
                assertThat(batch[i]).as("batch check %d", i).isEqualTo(i % 3 != 0);
            }
        }
    }

    @Test
    void singleChecksArrivingWithinTheLingerAreCheckedTogether() throws Exception {
        try (SignatureVerifier verifier = new SignatureVerifier(1, java.time.Duration.ofMillis(500));
             ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                SignatureVerifier.Check check = check(i);
                verdicts.add(requests.submit((Callable<Boolean>) () -> verifier.verify(check)));
                Thread.sleep(5);
            }
            for (int i = 0; i < 10; i++) {
                assertThat(verdicts.get(i).get()).as("check %d", i).isEqualTo(i % 3 != 0);
            }
            // Ten within half a second of the first: one batch, or two if the first was taken before the rest came.
            assertThat(verifier.singlesChecked()).isEqualTo(10);
            assertThat(verifier.singleBatches()).isBetween(1L, 2L);
        }
    }

    @Test
    void withoutALingerASingleCheckDoesNotWait() throws Exception {
        try (SignatureVerifier verifier = new SignatureVerifier(1, java.time.Duration.ZERO)) {
            for (int i = 1; i < 6; i++) {
                assertThat(verifier.verify(check(i))).isEqualTo(i % 3 != 0);
            }
            assertThat(verifier.singlesChecked()).isEqualTo(5);
            assertThat(verifier.singleBatches()).isEqualTo(5);
        }
    }

    @Test
    void checksAfterCloseAreUnavailable() {
        SignatureVerifier verifier = new SignatureVerifier(1);
        verifier.close();
        assertThatThrownBy(() -> verifier.verify(check(1))).isInstanceOfSatisfying(NodeException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAVAILABLE));
        assertThatThrownBy(() -> verifier.verify(List.of(check(1), check(2)))).isInstanceOfSatisfying(NodeException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAVAILABLE));
    }
}
