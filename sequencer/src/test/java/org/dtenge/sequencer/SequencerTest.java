package org.dtenge.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dtenge.journal.BatchConsumer;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.EventPosition;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.Journal;
import org.dtenge.journal.JournalHead;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.Receipt;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.snapshot.Snapshots;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
    private static final Ledger.Config CONFIG = new Ledger.Config(64, 1024, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
    private static final int WALLETS = 20;

    @TempDir
    Path dir;

    private static EventBatch genesis() {
        EventBatch batch = new EventBatch(64);
        batch.createAsset(1, "KZT", 2, 0, 1);
        batch.createAccount(0, 1, 1, AccountKind.ISSUANCE, 0, new byte[32], 0, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, 0, 0);
        for (int id = 2; id < 2 + WALLETS; id++) {
            batch.createAccount(0, id, 1, AccountKind.RETAIL, 1, new byte[32], 1, Long.MAX_VALUE, Long.MAX_VALUE,
                    Long.MAX_VALUE, 0, 0);
        }
        return batch;
    }

    private static EventBatch issue(long id, long wallet, long amount) {
        EventBatch batch = new EventBatch(1);
        batch.transfer(0, id, 0, 1, 0, wallet, amount, 1, 0);
        return batch;
    }

    @Test
    void manyProducersAreAllAcknowledgedAfterFsyncAndSurviveARestart() throws Exception {
        Recovered first = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(first.ledger(), first.journal(), new Snapshots(new FileStorage(dir))::write,
                Sequencer::wallClockNanos, new SequencerConfig(1024, 500, 0, 2_000));
        Submission genesis = new Submission(genesis());
        sequencer.submit(genesis);
        assertThat(genesis.committed().get(10, TimeUnit.SECONDS).results().result(0)).isEqualTo(Result.OK);

        int producers = 4;
        int perProducer = 2_000;
        List<Submission> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            List<Submission> mine = new ArrayList<>();
            for (int i = 0; i < perProducer; i++) {
                long id = 1 + p * (long) perProducer + i;
                mine.add(new Submission(issue(id, 2 + id % WALLETS, 100)));
            }
            all.addAll(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                for (Submission s : mine) {
                    try {
                        sequencer.submit(s);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Submission s : all) {
            Submission done = s.committed().get(30, TimeUnit.SECONDS);
            assertThat(done.results().result(0)).isEqualTo(Result.OK);
            assertThat(done.batch().sequence()).isPositive();
        }
        long batches = first.journal().head().sequence();
        assertThat(batches).as("group commit puts many submissions in one batch").isLessThan(producers * perProducer);
        sequencer.close();
        byte[] digest = first.ledger().stateDigest();
        first.journal().close();

        Recovered second = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        assertThat(second.ledger().stateDigest()).isEqualTo(digest);
        assertThat(second.ledger().account(0, 1).orElseThrow().balance()).isEqualTo(-100L * producers * perProducer);
        second.journal().close();
    }

    @Test
    void readsSeeEverythingAcknowledgedBeforeThem() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, SequencerConfig.defaults());
        Submission genesis = new Submission(genesis());
        sequencer.submit(genesis);
        genesis.committed().get(10, TimeUnit.SECONDS);
        List<Submission> payments = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            Submission s = new Submission(issue(i, 2, 3));
            payments.add(s);
            sequencer.submit(s);
            if (i % 100 == 0) {
                s.committed().get(10, TimeUnit.SECONDS);
                long balance = sequencer.read(l -> l.account(0, 2).orElseThrow().balance()).get(10, TimeUnit.SECONDS);
                assertThat(balance).isGreaterThanOrEqualTo(3L * i);
            }
        }
        for (Submission s : payments) {
            s.committed().get(10, TimeUnit.SECONDS);
        }
        assertThat(sequencer.read(Ledger::transferCount).get(10, TimeUnit.SECONDS)).isEqualTo(500);
        assertThatThrownBy(() -> sequencer.read(l -> l.accountAt(-1)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
        sequencer.close();
        assertThatThrownBy(() -> sequencer.read(Ledger::transferCount)).isInstanceOf(SequencerStoppedException.class);
        recovered.journal().close();
    }

    @Test
    void theDurableHookSeesEverySubmissionOfABatchInJournalOrderBeforeAnyOfItsFutures() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, SequencerConfig.defaults());
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger early = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger partial = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<Long, java.util.concurrent.atomic.AtomicInteger> fed = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Consumer<Submission> hook = done -> {
            if (done.committed().isDone()) {
                early.incrementAndGet(); // the future must not be complete yet
            }
            fed.computeIfAbsent(done.batch().sequence(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .addAndGet(done.count());
            seen.add(done.eventTimestampNanos(0));
            threads.add(Thread.currentThread().getName());
        };
        Submission genesis = new Submission(genesis(), hook);
        sequencer.submit(genesis);
        genesis.committed().get(10, TimeUnit.SECONDS);
        List<Submission> all = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    Submission s = new Submission(issue(1 + producer * 500L + i, 2, 1), hook);
                    synchronized (all) {
                        all.add(s);
                    }
                    try {
                        sequencer.submit(s);
                        Submission done = s.committed().get(10, TimeUnit.SECONDS); // waiters may run callbacks
                        if (fed.get(done.batch().sequence()).get() != done.batch().eventCount()) {
                            partial.incrementAndGet(); // the rest of its batch must have been fed already
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        for (Thread t : producers) {
            t.join();
        }
        assertThat(seen).hasSize(2_001).isSorted();
        assertThat(threads).containsOnly("dtenge-sync");
        assertThat(early.get()).isZero();
        assertThat(partial.get()).isZero();
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void ledgerTimeMovesForwardWhenTheClockGoesBack() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        AtomicLong clock = new AtomicLong(2_000_000_000_000_000_000L);
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                () -> clock.addAndGet(-1_000_000_000L), SequencerConfig.defaults());
        Submission a = new Submission(genesis());
        sequencer.submit(a);
        a.committed().get(10, TimeUnit.SECONDS);
        Submission b = new Submission(issue(1, 2, 5));
        sequencer.submit(b);
        b.committed().get(10, TimeUnit.SECONDS);
        assertThat(b.eventTimestampNanos(0)).isGreaterThan(a.eventTimestampNanos(a.count() - 1));
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void aFailedFsyncStopsTheSequencerAndAcknowledgesNothingMore() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        FailingJournal journal = new FailingJournal(recovered.journal());
        Sequencer sequencer = new Sequencer(recovered.ledger(), journal, SnapshotSink.NONE, Sequencer::wallClockNanos,
                SequencerConfig.defaults());
        Submission ok = new Submission(genesis());
        sequencer.submit(ok);
        ok.committed().get(10, TimeUnit.SECONDS);
        journal.failSyncs.countDown();
        Submission lost = new Submission(issue(1, 2, 5));
        sequencer.submit(lost);
        assertThatThrownBy(() -> lost.committed().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SequencerStoppedException.class);
        for (int i = 0; i < 100 && sequencer.failure().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(sequencer.failure()).isPresent();
        assertThatThrownBy(() -> sequencer.offer(new Submission(issue(2, 2, 5))))
                .isInstanceOf(SequencerStoppedException.class);
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void aBrokenInvariantInTheLedgerFailsTheBatchInsteadOfLeavingItsCallersWaiting() throws Exception {
        org.dtenge.ledger.PolicyTemplates broken = (template, params) -> new org.dtenge.ledger.PolicyTemplates.Created(
                new org.dtenge.ledger.Policy() {
                    @Override
                    public int onDebit(org.dtenge.ledger.PolicyContext transfer, org.dtenge.ledger.Legs legs) {
                        return ALLOW;
                    }

                    @Override
                    public int onCredit(org.dtenge.ledger.PolicyContext transfer, org.dtenge.ledger.Legs legs) {
                        throw new IllegalStateException("invariant broken: a policy template with a bug");
                    }
                });
        Recovered recovered = Recovery.open(new FileStorage(dir), broken, CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, SequencerConfig.defaults());
        EventBatch setup = genesis();
        setup.createPolicy(7, 99);
        setup.createAccount(0, 500, 1, AccountKind.MERCHANT, 1, new byte[32], 1, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, 7, 0);
        Submission ok = new Submission(setup);
        sequencer.submit(ok);
        assertThat(ok.committed().get(10, TimeUnit.SECONDS).results().result(setup.count() - 1)).isEqualTo(Result.OK);
        Submission doomed = new Submission(issue(1, 500, 5));
        sequencer.submit(doomed);
        assertThatThrownBy(() -> doomed.committed().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SequencerStoppedException.class);
        assertThat(sequencer.failure()).get().asString().contains("a policy template with a bug");
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void submissionsWithinTheBatchIntervalShareOneBatch() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, new SequencerConfig(1024, 500, 0, 0, TimeUnit.SECONDS.toNanos(1)));
        Submission genesis = new Submission(genesis());
        sequencer.submit(genesis);
        genesis.committed().get(10, TimeUnit.SECONDS); // the first batch: sealed at once
        List<Submission> spread = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(20); // without the interval, each would be sealed alone as soon as it came
            Submission payment = new Submission(issue(100 + i, 2, 100));
            sequencer.submit(payment);
            spread.add(payment);
        }
        for (Submission payment : spread) {
            assertThat(payment.committed().get(10, TimeUnit.SECONDS).results().result(0)).isEqualTo(Result.OK);
            assertThat(payment.batch().sequence()).isEqualTo(genesis.batch().sequence() + 1);
        }
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void aFullBatchIsSealedWithoutWaitingOutTheInterval() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, new SequencerConfig(1024, 3, 0, 0, TimeUnit.HOURS.toNanos(1)));
        Submission first = new Submission(issue(1, 2, 100));
        sequencer.submit(first);
        first.committed().get(10, TimeUnit.SECONDS); // the first batch need not wait
        List<Submission> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            next.add(new Submission(issue(10 + i, 2, 100)));
            sequencer.submit(next.getLast());
        }
        for (Submission submission : next) {
            submission.committed().get(10, TimeUnit.SECONDS); // an hour's interval, but the batch is full
            assertThat(submission.batch().sequence()).isEqualTo(first.batch().sequence() + 1);
        }
        sequencer.close();
        recovered.journal().close();
    }

    @Test
    void aSubmissionLargerThanABatchIsRefused() throws Exception {
        Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), CONFIG, JournalOptions.defaults());
        Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                Sequencer::wallClockNanos, new SequencerConfig(8, 10, 0, 0));
        assertThatThrownBy(() -> sequencer.offer(new Submission(genesis())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10 events");
        sequencer.close();
        recovered.journal().close();
    }

    /** A journal whose sync fails once told to, as a dying disk's would. */
    private static final class FailingJournal implements Journal {
        private final FileJournal delegate;
        final CountDownLatch failSyncs = new CountDownLatch(1);

        FailingJournal(FileJournal delegate) {
            this.delegate = delegate;
        }

        @Override
        public BatchHeader append(EventBatch batch, Results results) throws IOException {
            return delegate.append(batch, results);
        }

        @Override
        public void sync() throws IOException {
            if (failSyncs.getCount() == 0) {
                throw new IOException("fsync failed (injected)");
            }
            delegate.sync();
        }

        @Override
        public JournalHead head() {
            return delegate.head();
        }

        @Override
        public JournalHead durableHead() {
            return delegate.durableHead();
        }

        @Override
        public BatchHeader read(long sequence, EventBatch batch, Results results) throws IOException {
            return delegate.read(sequence, batch, results);
        }

        @Override
        public BatchHeader header(long sequence) throws IOException {
            return delegate.header(sequence);
        }

        @Override
        public void replay(long fromSequence, BatchConsumer consumer) throws IOException {
            delegate.replay(fromSequence, consumer);
        }

        @Override
        public Optional<EventPosition> locate(long timestampNanos) {
            return delegate.locate(timestampNanos);
        }

        @Override
        public Receipt receipt(long sequence, int index, long headSequence) throws IOException {
            return delegate.receipt(sequence, index, headSequence);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
