package org.dtenge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.FileJournal;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.snapshot.Snapshots;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Results;
import org.dtenge.sequencer.SequencerConfig;
import org.dtenge.sequencer.SteppedSequencer;
import org.dtenge.sequencer.Submission;

/**
 * One life of a node on the simulated disk: recovered from whatever the disk holds, then driven step
 * by step until the simulation crashes it. Real recovery, ledger, journal, snapshots and sequencer code.
 */
final class SimulatedNode {
    static final Ledger.Config GENESIS = new Ledger.Config(64, 1024, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);

    final Recovered recovered;
    final SteppedSequencer sequencer;
    private final List<Submission> inFlight = new ArrayList<>();

    private SimulatedNode(Recovered recovered, SteppedSequencer sequencer) {
        this.recovered = recovered;
        this.sequencer = sequencer;
    }

    static SimulatedNode start(SimulatedStorage storage, LongSupplier clock, SequencerConfig config,
                               JournalOptions options) throws IOException {
        Recovered recovered = Recovery.open(storage, new BuiltInPolicies(), GENESIS, options);
        Snapshots snapshots = new Snapshots(storage);
        SteppedSequencer sequencer = new SteppedSequencer(recovered.ledger(), recovered.journal(), snapshots::write,
                clock, config);
        return new SimulatedNode(recovered, sequencer);
    }

    Ledger ledger() {
        return recovered.ledger();
    }

    FileJournal journal() {
        return recovered.journal();
    }

    void submit(Submission submission) {
        sequencer.submit(submission);
        inFlight.add(submission);
    }

    /** Runs one batch; hands every submission it acknowledged to {@code auditor}. */
    void step(Auditor auditor) throws IOException {
        try {
            sequencer.step();
        } finally {
            for (Iterator<Submission> it = inFlight.iterator(); it.hasNext(); ) {
                Submission s = it.next();
                if (s.committed().isDone()) {
                    it.remove();
                    if (!s.committed().isCompletedExceptionally()) {
                        auditor.acknowledged(s);
                    }
                }
            }
        }
    }

    boolean idle() {
        return sequencer.waiting() == 0;
    }

    /** The ledger rebuilt from batch 1 of the journal, ignoring snapshots. */
    Ledger replayFromGenesis() throws IOException {
        Ledger fresh = new Ledger(GENESIS, new BuiltInPolicies());
        Results results = new Results();
        if (journal().head().sequence() > 0) {
            journal().replay(1, (header, batch, stored) -> fresh.apply(batch, results));
        }
        return fresh;
    }
}
