package org.dtenge.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Ledger;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SequencerConfig;
import org.dtenge.sequencer.SnapshotSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerDeadlinesTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void failsOnlyWhatIsStillWaitingWhenItsTimeIsUp() throws Exception {
        try (AnswerDeadlines deadlines = new AnswerDeadlines(Duration.ofHours(1))) {
            CompletableFuture<String> answered = new CompletableFuture<>();
            CompletableFuture<String> waiting = new CompletableFuture<>();
            long start = System.nanoTime();
            deadlines.watch(answered);
            deadlines.watch(waiting);
            answered.complete("durable");

            deadlines.expire(start + Duration.ofMinutes(59).toNanos());
            assertThat(waiting).isNotDone();

            deadlines.expire(System.nanoTime() + Duration.ofHours(1).toNanos() + MS);
            assertThat(answered.get()).isEqualTo("durable");
            assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(AnswerDeadlines.AnswerTimedOut.class)
                    .hasMessageContaining("no answer within PT1H");
        }
    }

    @Test
    void aLaterEntryWaitsBehindAnEarlierOneThatIsStillInTime() throws Exception {
        try (AnswerDeadlines deadlines = new AnswerDeadlines(Duration.ofHours(1))) {
            CompletableFuture<String> first = new CompletableFuture<>();
            deadlines.watch(first);
            CompletableFuture<String> second = new CompletableFuture<>();
            deadlines.watch(second);
            first.complete("durable");
            deadlines.expire(System.nanoTime());
            assertThat(second).isNotDone();
        }
    }

    @Test
    void theThreadTimesOutAWaitAndTheGateAnswersOutcomeUnknown() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(),
                new Ledger.Config(64, 1024, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, SequencerConfig.defaults());
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerGate gate = new LedgerGate(sequencer, submission -> {}, Duration.ofMillis(200), () -> {})) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> gate.read(ledger -> {
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })).isInstanceOfSatisfying(NodeException.class,
                    e -> assertThat(e.problem().type()).isEqualTo(ProblemType.OUTCOME_UNKNOWN));
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200 * MS);
            release.countDown();
            String answer = gate.read(ledger -> "answered");
            assertThat(answer).isEqualTo("answered");
        } finally {
            release.countDown();
            sequencer.close();
            recovered.journal().close();
        }
    }
}
