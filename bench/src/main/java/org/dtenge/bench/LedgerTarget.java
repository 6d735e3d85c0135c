package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtenge.journal.JournalOptions;
import org.dtenge.journal.recovery.Recovered;
import org.dtenge.journal.recovery.Recovery;
import org.dtenge.journal.storage.FileStorage;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.sequencer.Sequencer;
import org.dtenge.sequencer.SnapshotSink;
import org.dtenge.sequencer.Submission;

/**
 * Target (a): the dtenge ledger in this process behind its durable journal, the production path of
 * {@link DurableRun} (a {@link Sequencer} over a {@code FileJournal}, every batch fsynced before its
 * submission completes). The accounts are created and funded first (not measured), then the whole
 * workload is submitted in full batches, {@code window} in flight. Linked pairs never straddle a batch.
 */
final class LedgerTarget {
    static final String NAME = "dtenge-ledger";
    private static final byte[] NO_OWNER_KEY = new byte[32];
    private static final int PURPOSE_PAYMENT = 1;

    private LedgerTarget() {}

    static TargetResult run(Workload workload, Path scratch, int window, Progress progress)
            throws IOException, InterruptedException {
        Ledger.Config config = new Ledger.Config(workload.accountsWithCollector() + 2,
                workload.accountsWithCollector() + workload.transfers(), Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS);
        List<EventBatch> genesis = genesis(workload);
        List<EventBatch> batches = transfers(workload);
        Path dir = Directories.scratch(scratch.toString());
        try (Recovered recovered = Recovery.open(new FileStorage(dir), new BuiltInPolicies(), config,
                JournalOptions.defaults());
             Sequencer sequencer = new Sequencer(recovered.ledger(), recovered.journal(), SnapshotSink.NONE,
                     Sequencer::wallClockNanos, DurableRun.sequencerConfig())) {
            load(sequencer, genesis, window);
            progress.begin(NAME, workload.transfers(), 0);
            RunResult run = DurableRun.measure(sequencer, recovered.ledger(), batches, window, 0, 0, progress::advance);
            progress.end();
            batches = null; // the heap figure below is the ledger's, not the generated batches'
            ProcessMemory.Use memory = ProcessMemory.thisProcess("this JVM: ledger (" + recovered.ledger().accountCount()
                    + " accounts, " + recovered.ledger().transferCount() + " transfers) and the load generator's workload");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("window", window);
            details.put("batchEventsMax", EventBatch.EVENTS_MAX);
            details.put("results", run.tally().describe());
            details.put("journalBytes", Directories.bytes(dir));
            return new TargetResult(NAME, "dtenge ledger in process, sequencer + FileJournal, fsync per batch (group commit)",
                    run.transfers(), run.tally().count(Result.OK), 0, run.elapsedNanos(), run.latencyNanos(),
                    "one submission of up to " + EventBatch.EVENTS_MAX + " transfers, submit to durable, " + window
                            + " in flight", memory, details);
        } finally {
            Directories.delete(dir);
        }
    }

    private static void load(Sequencer sequencer, List<EventBatch> genesis, int window) throws InterruptedException {
        SubmissionWindow inFlight = new SubmissionWindow(sequencer, window);
        List<Submission> submitted = new ArrayList<>();
        for (EventBatch batch : genesis) {
            Submission submission = new Submission(batch);
            inFlight.submit(submission);
            submitted.add(submission);
        }
        inFlight.drain();
        for (Submission submission : submitted) {
            Genesis.requireAllOk(submission.results(), "account setup");
        }
    }

    /** The asset and its issuer, every account without limits, then the issuer's funding of each. */
    static List<EventBatch> genesis(Workload workload) {
        List<EventBatch> batches = new ArrayList<>();
        EventBatch batch = new EventBatch();
        batch.createAsset(Wallets.ASSET, "KZT", 2, Wallets.ISSUER_HI, Wallets.ISSUER_LO);
        batch.createAccount(Wallets.ISSUER_HI, Wallets.ISSUER_LO, Wallets.ASSET, AccountKind.ISSUANCE, 0, NO_OWNER_KEY, 0,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
        for (int account = 0; account < workload.accountsWithCollector(); account++) {
            batch = roomFor(1, batch, batches);
            batch.createAccount(Wallets.WALLET_HI, Wallets.idLo(account), Wallets.ASSET, AccountKind.MERCHANT,
                    1 + account % 20, NO_OWNER_KEY, Tier.BUSINESS.code, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
        }
        for (int account = 0; account < workload.accountsWithCollector(); account++) {
            batch = roomFor(1, batch, batches);
            batch.transfer(Wallets.FUNDING_HI, account + 1L, Wallets.ISSUER_HI, Wallets.ISSUER_LO, Wallets.WALLET_HI,
                    Wallets.idLo(account), workload.fundingTiyn(), Wallets.ASSET, 0);
        }
        batches.add(batch);
        return batches;
    }

    /** The workload's transfers in full batches; transfer i has id (TRANSFER_HI, i + 1). */
    static List<EventBatch> transfers(Workload workload) {
        List<EventBatch> batches = new ArrayList<>();
        EventBatch batch = new EventBatch();
        for (int unit = 0; unit < workload.units(); unit++) {
            int first = workload.unitStart(unit);
            int size = workload.unitSize(unit);
            batch = roomFor(size, batch, batches);
            for (int t = first; t < first + size; t++) {
                long id = t + 1L;
                batch.transfer(TransferStream.TRANSFER_HI, id, Wallets.WALLET_HI, Wallets.idLo(workload.payer(t)),
                        Wallets.WALLET_HI, Wallets.idLo(workload.payee(t)), workload.amount(t), Wallets.ASSET,
                        workload.linkedToNext(t) ? Event.LINKED : 0, 0, 0, 0, id, PURPOSE_PAYMENT, 0);
            }
        }
        if (batch.count() > 0) {
            batches.add(batch);
        }
        return batches;
    }

    /** {@code batch} if it has room for {@code events} more, else a fresh one (the full one kept). */
    private static EventBatch roomFor(int events, EventBatch batch, List<EventBatch> batches) {
        if (batch.capacity() - batch.count() >= events) {
            return batch;
        }
        batches.add(batch);
        return new EventBatch();
    }
}
