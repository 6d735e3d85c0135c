package org.dtenge.node.service;

import java.util.List;
import java.util.Optional;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.chain.ParticipantRecord;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.participant.Role;
import org.dtenge.sequencer.Submission;

/**
 * The network's members. The central bank registers a participant with one linked chain: the account
 * it will hold (reserve, settlement or government account, by role) and then the registration RECORD,
 * so that both are in the journal or neither is. The registry learns of it as soon as it is durable:
 * the new participant can sign its first request at once.
 */
public final class Network {
    private final LedgerGate gate;
    private final ParticipantRegistry registry;

    public Network(LedgerGate gate, ParticipantRegistry registry) {
        this.gate = gate;
        this.registry = registry;
    }

    public List<Participant> all() {
        return registry.all();
    }

    public Optional<Participant> find(String id) {
        return registry.byId(id);
    }

    /** Registrations are serialized, so that two of the same id or code never both reach the journal. */
    public synchronized Outcome<Participant> register(Participant caller, Participant candidate) {
        Access.requireRole(caller, caller.role() == Role.CENTRAL_BANK, "register participants; only the central bank may");
        if (candidate.role() == Role.CENTRAL_BANK) {
            return Outcome.refused(Problem.of(ProblemType.NOT_PERMITTED, "the network has one central bank, registered at genesis"));
        }
        Optional<Participant> sameId = registry.byId(candidate.id());
        Optional<Participant> sameCode = registry.byCode(candidate.code());
        if (sameId.isPresent() && sameId.get().sameAs(candidate)) {
            return Outcome.done(sameId.get(), false);
        }
        if (sameId.isPresent() || sameCode.isPresent()) {
            Participant taken = sameId.orElseGet(sameCode::get);
            return Outcome.refused(Problem.of(ProblemType.PARTICIPANT_EXISTS, "id \"" + taken.id() + "\" and code "
                    + taken.code() + " belong to " + taken.name() + "; choose an unused id and code"));
        }
        Submission submission = gate.submit(registration(candidate));
        Results results = submission.results();
        Result last = results.result(results.count() - 1);
        if (last != Result.OK) {
            Result cause = results.result(0);
            return Outcome.refused(Problem.ledger(ProblemType.LEDGER_REJECTED,
                    "the ledger refused the registration's account: " + cause, cause));
        }
        registry.add(candidate);
        return Outcome.done(candidate, true);
    }

    /** The events that register {@code participant}: its own account, if its role holds one, then the record. */
    public static EventBatch registration(Participant participant) {
        EventBatch events = new EventBatch(2);
        Optional<AccountKind> kind = participant.role().ownAccountKind();
        if (kind.isPresent() && kind.get() != AccountKind.ISSUANCE) {
            AccountId account = participant.ownAccount().orElseThrow();
            events.createAccount(account.hi(), account.lo(), Transfers.DT, kind.get(), participant.code(),
                    participant.publicKey(), 0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0,
                    org.dtenge.ledger.Event.LINKED);
        }
        events.record(ParticipantRecord.encode(participant));
        return events;
    }
}
