package org.dtenge.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
                verdicts.add(requests.submit((Callable<Boolean>) () -> verdict(verifier, check)));
            }
            boolean[] batch = verifier.verify(java.util.stream.IntStream.range(0, 600).mapToObj(SignatureVerifierTest::check).toList());
            for (int i = 0; i < 600; i++) {
                assertThat(verdicts.get(i).get()).as("check %d", i).isEqualTo(i % 3 != 0);
                assertThat(batch[i]).as("batch check %d", i).isEqualTo(i % 3 != 0);
            }
        }
    }

    /** True when the next step ran on the verifier's thread, false when the answer failed as invalid. */
    private static boolean verdict(SignatureVerifier verifier, SignatureVerifier.Check check) throws InterruptedException {
        CompletableFuture<Thread> answer = new CompletableFuture<>();
        verifier.verifyThen(check, () -> NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE, "no"),
                () -> answer.complete(Thread.currentThread()), answer);
        try {
            assertThat(answer.get().getName()).startsWith("dtenge-verifier-one-");
            return true;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(NodeException.class,
                    n -> assertThat(n.problem().type()).isEqualTo(ProblemType.INVALID_PAYMENT_SIGNATURE));
            return false;
        }
    }

    @Test
    void aNextStepThatThrowsFailsTheAnswerWithWhatItThrew() {
        try (SignatureVerifier verifier = new SignatureVerifier(1)) {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            verifier.verifyThen(check(1), () -> NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE, "no"), () -> {
                throw NodeException.of(ProblemType.BUSY, "the ledger's queue is full");
            }, answer);
            assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(
                    NodeException.class, e -> assertThat(e.problem().type()).isEqualTo(ProblemType.BUSY));
        }
    }

    @Test
    void checksAfterCloseAreUnavailable() {
        SignatureVerifier verifier = new SignatureVerifier(1);
        verifier.close();
        assertThatThrownBy(() -> verifier.verifyThen(check(1), () -> NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE,
                "no"), () -> {}, new CompletableFuture<>())).isInstanceOfSatisfying(NodeException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAVAILABLE));
        assertThatThrownBy(() -> verifier.verify(List.of(check(1), check(2)))).isInstanceOfSatisfying(NodeException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAVAILABLE));
    }
}
