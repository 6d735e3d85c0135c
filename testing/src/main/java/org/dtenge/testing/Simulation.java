package org.dtenge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dtenge.journal.JournalCorruptException;
import org.dtenge.journal.JournalOptions;
import org.dtenge.ledger.Ledger;
import org.dtenge.sequencer.SequencerConfig;
import org.dtenge.sequencer.Submission;

/**
 * A deterministic simulation of one seed: a seeded workload against the real sequencer, ledger,
 * journal, snapshots and recovery on a {@link SimulatedStorage} that tears writes, loses unsynced data
 * in crashes, fails fsyncs and flips bits at rest. The {@link Auditor} checks the state after every
 * step, and at every restart checks durability and that replaying the journal from batch 1 gives the
 * same state byte for byte. Everything random comes from the seed, so a seed replays a run exactly.
 */
public final class Simulation {
    private final long seed;
    private final int steps;
    private final SplittableRandom random;
    private final SimulatedStorage storage;
    private final SimulatedClock clock;
    private final Workload workload;
    private final Auditor auditor = new Auditor();
    private final SequencerConfig config;
    private final JournalOptions options;
    private final Stats stats = new Stats();
    private SimulatedNode node;

    /** What a run did, for the summary line. */
    public static final class Stats {
        public long steps;
        public long batches;
        public long crashes;
        public long fsyncFailures;
        public long corruptionsDetected;
        public long corruptionsHarmless;
        public long acknowledgedEvents;

        void add(Stats other) {
            steps += other.steps;
            batches += other.batches;
            crashes += other.crashes;
            fsyncFailures += other.fsyncFailures;
            corruptionsDetected += other.corruptionsDetected;
            corruptionsHarmless += other.corruptionsHarmless;
            acknowledgedEvents += other.acknowledgedEvents;
        }

        @Override
        public String toString() {
            return "steps " + steps + ", batches " + batches + ", crashes " + crashes + ", fsync failures "
                    + fsyncFailures + ", corruptions detected " + corruptionsDetected + " (harmless "
                    + corruptionsHarmless + "), events acknowledged " + acknowledgedEvents;
        }
    }

    public Simulation(long seed, int steps) {
        this.seed = seed;
        this.steps = steps;
        this.random = new SplittableRandom(seed);
        this.storage = new SimulatedStorage(random.nextLong());
        this.clock = new SimulatedClock(new SplittableRandom(random.nextLong()));
        this.workload = new Workload(random.nextLong());
        int batchMax = 24 + random.nextInt(250); // genesis is one submission of 20 events
        long snapshotEvery = random.nextInt(4) == 0 ? 0 : 40 + random.nextInt(400);
        this.config = new SequencerConfig(1024, batchMax, 0, snapshotEvery);
        this.options = new JournalOptions(2_048 + random.nextInt(64 * 1024));
    }

    /** Makes the disk lie about fsync: the run must then fail, which proves the auditor can. */
    Simulation withLyingDisk() {
        storage.lieAboutForce();
        return this;
    }

    /** Runs the seed; throws an {@link AssertionError} naming the seed on any violation. */
    public Stats run() {
        try {
            runChecked();
            return stats;
        } catch (AssertionError | Exception e) {
            throw new AssertionError("simulation seed " + seed + " failed after " + stats.steps
                    + " steps; replay with: dtenge-sim --seed " + seed + " --steps " + steps + " (" + e + ")", e);
        }
    }

    private void runChecked() throws IOException {
        node = SimulatedNode.start(storage, clock, config, options);
        node.submit(new Submission(workload.genesis()));
        node.step(auditor);
        for (int i = 0; i < steps; i++) {
            stats.steps++;
            act();
            auditor.checkState(node.ledger());
        }
        while (!node.idle()) {
            stepOrCrash();
        }
        compareWithReplay();
        crashAndRestart();
        stats.acknowledgedEvents = auditor.acknowledgedEvents();
    }

    private void act() throws IOException {
        int roll = random.nextInt(100);
        if (roll < 40) {
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                node.submit(new Submission(workload.next(Math.min(40, config.batchEventsMax()))));
            }
        } else if (roll < 78) {
            stepOrCrash();
        } else if (roll < 81) {
            storage.failNextForce();
        } else if (roll < 84) {
            crashAndRestart();
        } else if (roll < 85) {
            corruptAndRestart();
        } else {
            clock.advance();
        }
    }

    private void stepOrCrash() throws IOException {
        try {
            node.step(auditor);
            stats.batches++;
        } catch (IOException e) {
            // A failed fsync: the node cannot know what reached the disk, so it must restart from it.
            stats.fsyncFailures++;
            crashAndRestart();
        }
    }

    private void crashAndRestart() throws IOException {
        stats.crashes++;
        closeQuietly();
        storage.crash();
        restartAndAudit();
    }

    private void restartAndAudit() throws IOException {
        node = SimulatedNode.start(storage, clock, config, options);
        auditor.checkDurable(node.ledger());
        auditor.checkState(node.ledger());
        compareWithReplay();
    }

    private void compareWithReplay() throws IOException {
        Ledger replayed = node.replayFromGenesis();
        if (!Arrays.equals(replayed.stateDigest(), node.ledger().stateDigest())) {
            throw new AssertionError("audit: replaying the journal from batch 1 gives a different state than"
                    + " the node holds (" + node.recovered.report() + ")");
        }
    }

    /**
     * Power loss, then a bit flips somewhere on the disk. Recovery must either refuse to start with a
     * message naming the damaged file, or start with every acknowledged event intact (the flip hit a
     * snapshot, which is skipped, or data that was never acknowledged).
     */
    private void corruptAndRestart() throws IOException {
        stats.crashes++;
        closeQuietly();
        storage.crash();
        List<Map.Entry<String, Integer>> files = new ArrayList<>(storage.durableFiles().entrySet());
        files.removeIf(f -> f.getValue() == 0);
        if (files.isEmpty()) {
            restartAndAudit();
            return;
        }
        Map.Entry<String, Integer> file = files.get(random.nextInt(files.size()));
        long offset = random.nextLong(file.getValue());
        int bit = random.nextInt(8);
        storage.flipBit(file.getKey(), offset, bit);
        try {
            restartAndAudit();
            stats.corruptionsHarmless++;
            return;
        } catch (JournalCorruptException e) {
            if (!e.getMessage().contains(file.getKey())) {
                throw new AssertionError("audit: corruption of " + file.getKey() + " at " + offset
                        + " was reported against another file: " + e.getMessage(), e);
            }
            stats.corruptionsDetected++;
        }
        storage.flipBit(file.getKey(), offset, bit); // the operator restores the file from a replica
        restartAndAudit();
    }

    private void closeQuietly() {
        try {
            node.journal().close();
        } catch (IOException | RuntimeException e) {
            // The disk is about to lose power anyway; what matters is what recovery finds.
        }
    }
}
