package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SnapshotSink;
import org.dtenge.sequencer.Submission;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable throughput, to a real file with fsync, in transfers per second:
 * <ul>
 *   <li>{@link #groupCommit}: the production path. Full 8,190-event submissions go to a {@link Sequencer}
 *       over a {@link FileJournal}; each invocation submits one and waits for the one submitted
 *       {@code window} invocations earlier, so the sequencer's two slots stay busy (apply batch N+1
 *       while batch N is written and fsynced).</li>
 *   <li>{@link #appendAndSync}: the journal alone, {@code append} then {@code sync} per batch on this
 *       thread: the ceiling the journal puts on the pipeline.</li>
 * </ul>
 * Files go to a fresh directory under {@code dir} (default: the system temp directory), deleted after
 * the trial. {@code -prof gc} counts every thread, so for group commit it includes what the caller
 * allocates per submission (its {@link Results} and future, about 4 bytes per event); the throughput
 * command reports the sequencer's and journal's threads on their own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "--sun-misc-unsafe-memory-access=allow"})
public class DurableBenchmark {

    /** The sequencer and its journal, loaded with funded wallets through the sequencer itself. */
    @State(Scope.Thread)
    public static class Pipeline {
        @Param("100000")
        public int accounts;

        @Param("4")
        public int window;

        @Param("")
        public String dir;

        /** Every transfer of the trial, so the table never grows (2M/s for 16 s is 32M). */
        @Param("48000000")
        public int transfersCapacity;

        private Path directory;
        private Recovered recovered;
        private Sequencer sequencer;
        private BatchCycle cycle;
        private Submission[] inFlight;
        private int next;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            directory = Directories.scratch(dir);
            Ledger.Config config = new Ledger.Config(accounts + 2, transfersCapacity, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
            recovered = Recovery.open(new FileStorage(directory), new BuiltInPolicies(), config, JournalOptions.defaults());
            sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                    Sequencer::wallClockNanos, DurableRun.sequencerConfig());
            Wallets wallets = new Wallets(accounts, 42);
            Genesis genesis = new Genesis(wallets);
            while (true) {
                EventBatch batch = new EventBatch();
                if (!genesis.fill(batch)) {
                    break;
                }
                Submission submission = new Submission(batch);
                sequencer.submit(submission);
                Genesis.requireAllOk(submission.committed().get().results(), "genesis");
            }
            // The ring must outlast the window: a batch is reused only once its last submission committed.
            cycle = new BatchCycle(new TransferStream(wallets, TransferMix.DEFAULT), Math.max(32, 2 * window));
            inFlight = new Submission[window];
        }

        void submitNext() throws InterruptedException, ExecutionException {
            Submission oldest = inFlight[next];
            if (oldest != null) {
                oldest.committed().get();
            }
            Submission submission = new Submission(cycle.next());
            sequencer.submit(submission);
            inFlight[next] = submission;
            next = (next + 1) % inFlight.length;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            sequencer.close();
            recovered.close();
            Directories.delete(directory);
        }
    }

    /** A bare journal and a ring of batches whose results are all OK (the journal does not read them). */
    @State(Scope.Thread)
    public static class Journal {
        @Param("")
        public String dir;

        private Path directory;
        private FileJournal journal;
        private BatchCycle cycle;
        private final Results results = new Results();
        private long timestamp = 1;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            directory = Directories.scratch(dir);
            journal = FileJournal.open(new FileStorage(directory), JournalOptions.defaults());
            cycle = new BatchCycle(new TransferStream(new Wallets(100_000, 42), TransferMix.DEFAULT), 32);
            results.reset(EventBatch.EVENTS_MAX);
            for (int i = 0; i < EventBatch.EVENTS_MAX; i++) {
                results.set(i, Result.OK, 0);
            }
        }

        void appendAndSync() throws IOException {
            EventBatch batch = cycle.next();
            batch.timestampNanos(timestamp);
            timestamp += batch.count();
            journal.append(batch, results);
            journal.sync();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            journal.close();
            Directories.delete(directory);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EventBatch.EVENTS_MAX)
    public void groupCommit(Pipeline pipeline) throws InterruptedException, ExecutionException {
        pipeline.submitNext();
    }

    @Benchmark
    @OperationsPerInvocation(EventBatch.EVENTS_MAX)
    public void appendAndSync(Journal journal) throws IOException {
        journal.appendAndSync();
    }
}
