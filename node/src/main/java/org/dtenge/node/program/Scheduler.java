package org.dtenge.node.program;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.node.NodeException;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.service.Transfers;
import org.dtenge.programs.Contract;
import org.dtenge.programs.ContractRecords;
import org.dtenge.programs.Contracts;
import org.dtenge.programs.Schedule;
import org.dtenge.sequencer.Submission;

/**
 * Carries out journaled schedules when their time comes: one thread that looks every
 * {@code pollMillis} for due occurrences and submits them like any other events.
 *
 * <p>Restart-safe and never twice: an occurrence's transfer ids are derived from the schedule and the
 * occurrence, so submitting it again is answered EXISTS; after its transfers, a done record moves the
 * schedule on, and that position is part of the ledger's state, rebuilt from the journal. A crash
 * between the two only means the occurrence is submitted again after the restart, to EXISTS.
 */
public final class Scheduler implements AutoCloseable {
    private final LedgerGate gate;
    private final Contracts contracts;
    private final InstantSource clock;
    private final long pollMillis;
    private final Thread thread;
    private volatile boolean running = true;

    public Scheduler(LedgerGate gate, Contracts contracts, InstantSource clock, long pollMillis) {
        this.gate = gate;
        this.contracts = contracts;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.thread = Thread.ofPlatform().daemon().name("dtenge-scheduler").unstarted(this::run);
    }

    public Scheduler start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                runDue();
            } catch (NodeException e) {
                // The sequencer is busy or stopping: the occurrence stays due and is tried again.
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                System.err.println("dtenge: a scheduled payment failed and will be retried: " + e);
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Carries out every occurrence due now; returns how many. */
    public int runDue() {
        long now = clock.instant().getEpochSecond();
        List<Schedule> due = gate.read(ledger -> contracts.due(now));
        for (Schedule schedule : due) {
            int k = schedule.nextOccurrence();
            boolean complete = switch (schedule.action()) {
                case PAY -> pay(schedule, k);
                case SWEEP -> sweep(schedule, k);
                case ALLOWANCE -> allowance(schedule, k);
            };
            if (complete) {
                EventBatch done = new EventBatch(1);
                done.record(ContractRecords.scheduleDone(schedule.id(), k));
                gate.submit(done);
            }
        }
        return due.size();
    }

    /** One payment. Refused (funds, limits) it is not retried: its result is in the journal. */
    private boolean pay(Schedule s, int k) {
        EventBatch events = new EventBatch(1);
        events.transfer(s.transferIdHi(k), s.transferIdLo(s.toHi(), s.toLo()), s.fromHi(), s.fromLo(), s.toHi(), s.toLo(),
                s.amount(), Transfers.DT, 0, 0, 0, 0, s.id(), 0, 0);
        gate.submit(events);
        return true;
    }

    /**
     * Every account of the program receives its allowance, in submissions of at most a batch. An
     * account the ledger refuses (the owner's funds ran out, a closed account) is not retried: the
     * results are in the journal.
     */
    private boolean allowance(Schedule s, int k) {
        List<Account> carrying = carrying(s.program(), false);
        for (int from = 0; from < carrying.size(); from += EventBatch.EVENTS_MAX) {
            List<Account> part = carrying.subList(from, Math.min(carrying.size(), from + EventBatch.EVENTS_MAX));
            EventBatch events = new EventBatch(part.size());
            for (Account a : part) {
                events.transfer(s.transferIdHi(k), s.transferIdLo(a.idHi(), a.idLo()), s.fromHi(), s.fromLo(), a.idHi(),
                        a.idLo(), s.amount(), Transfers.DT, 0, 0, 0, 0, s.id(), 0, 0);
            }
            gate.submit(events);
        }
        return true;
    }

    /** The accounts that carry {@code program}; only those with money when {@code withBalance}. */
    private List<Account> carrying(int program, boolean withBalance) {
        return gate.read(ledger -> {
            List<Account> out = new java.util.ArrayList<>();
            for (int slot = 0; slot < ledger.accountCount(); slot++) {
                Account a = ledger.accountAt(slot);
                if (a.policy() == program && (!withBalance || a.balance() > 0)) {
                    out.add(a);
                }
            }
            return out;
        });
    }

    /**
     * Every account of the program pays its balance home, each in a chain that first lifts the
     * account's daily limit (the allowance's cap must not keep the money from going back). Complete
     * when every account is empty; otherwise (a payment raced the sweep) it is tried again.
     */
    private boolean sweep(Schedule s, int k) {
        Optional<Contract> contract = gate.read(ledger -> contracts.contract(s.program()));
        if (contract.isEmpty() || contract.get().parameters().get(1) == 0 && contract.get().parameters().get(2) == 0) {
            return true; // nothing to sweep to: done, and the journal says so
        }
        AccountId home = new AccountId(contract.get().parameters().get(1), contract.get().parameters().get(2));
        List<Account> carrying = carrying(s.program(), true);
        boolean complete = true;
        for (int from = 0; from < carrying.size(); from += EventBatch.EVENTS_MAX / 2) {
            List<Account> part = carrying.subList(from, Math.min(carrying.size(), from + EventBatch.EVENTS_MAX / 2));
            EventBatch events = new EventBatch(part.size() * 2);
            for (Account a : part) {
                events.changeTier(a.idHi(), a.idLo(), a.tier(), Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Event.LINKED);
                events.transfer(s.transferIdHi(k), s.transferIdLo(a.idHi(), a.idLo()), a.idHi(), a.idLo(), home.hi(),
                        home.lo(), a.balance(), Transfers.DT, 0, 0, 0, 0, s.id(), 0, 0);
            }
            Submission submission = gate.submit(events);
            for (int i = 1; i < events.count(); i += 2) {
                Result result = submission.results().result(i);
                // EXISTS with other fields: swept in this occurrence already; what came in since is not its business.
                complete &= result == Result.OK || result == Result.EXISTS || result == Result.EXISTS_WITH_DIFFERENT_FIELDS;
            }
        }
        return complete;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
