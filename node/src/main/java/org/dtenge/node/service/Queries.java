package org.dtenge.node.service;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.dtenge.journal.Journal;
import org.dtenge.journal.JournalHead;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.Asset;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.projection.ProjectionQueries;
import org.dtenge.node.projection.StatisticsRow;

/**
 * Reads: supply and balances from the ledger (through the sequencer, so consistent and durable),
 * history and statistics from the projections (which may lag the ledger by a moment).
 */
public final class Queries {
    public static final int HISTORY_LIMIT_MAX = 500;
    public static final int STATISTICS_DAYS_MAX = 366;

    private final LedgerGate gate;
    private final Journal journal;
    private final ProjectionQueries projections;
    private final Access access;
    private final int groupMin;

    public Queries(LedgerGate gate, Journal journal, ProjectionQueries projections, Access access, int groupMin) {
        this.gate = gate;
        this.journal = journal;
        this.projections = projections;
        this.access = access;
        this.groupMin = groupMin;
    }

    /** Supply of DT: minus the balance of the issuance account, as of the last durable batch. */
    public Supply supply() {
        return gate.read(ledger -> {
            Asset asset = ledger.asset(Transfers.DT).orElseThrow(() -> new IllegalStateException("no DT asset: genesis did not run"));
            Account issuance = ledger.account(asset.issuerHi(), asset.issuerLo()).orElseThrow();
            return new Supply(asset, new AccountId(issuance.idHi(), issuance.idLo()), -issuance.balance(), ledger.batchCount());
        });
    }

    /** @param asOfBatch the ledger's batch count when the supply was read */
    public record Supply(Asset asset, AccountId issuanceAccount, long supply, long asOfBatch) {}

    /** The last durable batch: what receipts chain to, and what a verifier should be given to trust. */
    public JournalHead head() {
        return journal.durableHead();
    }

    public List<HistoryEntry> history(Participant caller, AccountId account, int limit, long beforeNanos) {
        access.serviced(caller, account);
        return projections.history(account, Math.min(limit, HISTORY_LIMIT_MAX), beforeNanos);
    }

    /**
     * Network-wide for the central bank and auditors, one's own rows for every other participant;
     * groups of fewer than the configured number of distinct wallets never appear.
     */
    public List<StatisticsRow> statistics(Participant caller, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(STATISTICS_DAYS_MAX).isBefore(to)) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "the period must run forward and span at most "
                    + STATISTICS_DAYS_MAX + " days: " + from + " to " + to);
        }
        OptionalLong only = caller.role().seesAggregates() ? OptionalLong.empty() : OptionalLong.of(caller.code());
        return projections.statistics(from.toString(), to.toString(), only, groupMin);
    }

    public int groupMin() {
        return groupMin;
    }
}
