package org.dtenge.node.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.ledger.Account;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.projection.ProjectionQueries;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.Outcome;
import org.dtenge.node.service.Transfers;
import org.dtenge.programs.Conditions;
import org.dtenge.programs.Contract;
import org.dtenge.programs.ContractRecords;
import org.dtenge.programs.ContractStatus;
import org.dtenge.programs.ContractTemplate;
import org.dtenge.programs.Contracts;
import org.dtenge.programs.Schedule;
import org.dtenge.sequencer.Submission;

/**
 * Programmable money as a service: deploy a contract (its condition type-checked first), list and
 * read contracts, pause, resume and retire them, enrol wallets (open the account that carries the
 * contract), and the views a program's owner needs: spending per payee, tax statements.
 *
 * <p>The contracts themselves live in the ledger's policy templates ({@link Contracts}), rebuilt from
 * the journal; this service reads them through the sequencer and changes them only by submitting
 * events, so that it holds no state of its own.
 */
public final class Programs {
    /** Contract ids start here, clear of any policy ids that genesis or tests use. */
    static final int FIRST_ID = 1000;

    private final LedgerGate gate;
    private final Contracts contracts;
    private final Access access;
    private final StepRewards steps;
    private final FlowTree flows;
    private final Escrows escrows;
    private final ProgramReports reports;
    /** Spending per payee is shown only for groups of at least this many accounts (the statistics' rule). */
    private final int groupMin;

    public Programs(LedgerGate gate, Contracts contracts, Access access, ProjectionQueries projections, Transfers transfers,
                    java.time.InstantSource clock, int groupMin) {
        this.gate = gate;
        this.contracts = contracts;
        this.access = access;
        this.steps = new StepRewards(gate);
        this.flows = new FlowTree(gate, projections);
        this.escrows = new Escrows(transfers, access, clock);
        this.reports = new ProgramReports(gate, projections);
        this.groupMin = groupMin;
    }

    public Escrows escrows() {
        return escrows;
    }

    /** Where program {@code id}'s money went, as a tree from its accounts (the owner only). */
    public List<FlowTree.Node> flow(Participant caller, int id) {
        owned(caller, id);
        return flows.of(accounts(id));
    }

    /**
     * A day's step count for {@code wallet}, from the app provider that owns reward pool {@code id}
     * (the request is signed with its key); pays the reward from the pool.
     */
    public Outcome<Reward> steps(Participant caller, int id, AccountId wallet, java.time.LocalDate day, long count,
                                 java.time.LocalDate today) {
        Contract contract = owned(caller, id);
        if (contract.template() != ContractTemplate.REWARD_POOL) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "program " + id + " is not a reward pool");
        }
        List<AccountId> pools = accounts(id);
        if (pools.isEmpty()) {
            return Outcome.refused(Problem.of(ProblemType.PROGRAM_STATUS_CONFLICT, "program " + id
                    + " has no pool yet: enrol the sponsor's wallet first"));
        }
        AccountFacts walker = access.account(wallet);
        if (walker.kind() != AccountKind.RETAIL) {
            throw NodeException.of(ProblemType.INVALID_FIELD, wallet.address() + " is not a person's retail wallet");
        }
        return steps.submit(contract, pools.get(0), walker, day, count, today);
    }

    /** Who may deploy: government bodies and the central bank, app providers for gates (sponsor pools). */
    private static void requireDeployer(Participant caller, ContractTemplate template) {
        boolean allowed = switch (template) {
            case GATE -> caller.role() == Role.GOVERNMENT || caller.role() == Role.CENTRAL_BANK
                    || caller.role() == Role.APP_PROVIDER;
            case TAX_SPLIT -> caller.role() == Role.GOVERNMENT;
            case REWARD_POOL -> caller.role() == Role.APP_PROVIDER || caller.role() == Role.GOVERNMENT;
        };
        Access.requireRole(caller, allowed, "deploy " + template + " contracts");
    }

    /** Deployments are serialized, so that ids and versions are given out once each. */
    public synchronized Outcome<Contract> deploy(Participant caller, Deployment deployment) {
        requireDeployer(caller, deployment.template());
        if (deployment.name().isBlank() || deployment.name().length() > 80 || deployment.name().contains("\n")) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "name must be one line of 1 to 80 characters");
        }
        if (contracts.conditions().compile(deployment.condition()) instanceof Conditions.Refused refused) {
            throw NodeException.of(ProblemType.INVALID_CONDITION, "the condition does not type-check: " + refused.describe());
        }
        List<Contract> all = list();
        int id = all.stream().mapToInt(Contract::id).max().orElse(FIRST_ID - 1) + 1;
        long version = 1 + all.stream().filter(c -> c.owner() == caller.code() && c.name().equals(deployment.name())).count();
        byte[] document = ContractRecords.document(deployment.name(), deployment.condition());
        if (document.length > ContractRecords.DOCUMENT_BYTES_MAX) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "name and condition together are longer than "
                    + ContractRecords.DOCUMENT_BYTES_MAX + " bytes");
        }
        List<byte[]> chunks = ContractRecords.textChunks(document);
        EventBatch events = new EventBatch(chunks.size() + 1);
        chunks.forEach(events::record);
        long[] params = new long[Event.POLICY_PARAMS_MAX];
        System.arraycopy(ContractRecords.hashParams(document), 0, params, 0, 4);
        params[4] = id;
        params[5] = caller.code();
        params[6] = version;
        for (int i = 0; i < deployment.parameters().size(); i++) {
            params[Contracts.FIRST_TEMPLATE_PARAM + i] = deployment.parameters().get(i);
        }
        events.createPolicy(id, deployment.template().code, params);
        Submission submission = gate.submit(events);
        Result result = submission.results().result(chunks.size());
        if (result != Result.OK) {
            return Outcome.refused(Problem.ledger(ProblemType.INVALID_FIELD,
                    "the ledger refused the contract's parameters for template " + deployment.template() + ": " + result, result));
        }
        return Outcome.done(find(id).orElseThrow(), true);
    }

    public List<Contract> list() {
        return gate.read(ledger -> contracts.contracts());
    }

    public Optional<Contract> find(int id) {
        return gate.read(ledger -> contracts.contract(id));
    }

    public Contract get(int id) {
        return find(id).orElseThrow(() -> NodeException.of(ProblemType.PROGRAM_NOT_FOUND, "no program " + id));
    }

    /** The owner's contract, or 404 / 403. */
    private Contract owned(Participant caller, int id) {
        Contract contract = get(id);
        if (contract.owner() != caller.code()) {
            throw NodeException.of(ProblemType.ROLE_NOT_PERMITTED, caller.id() + " does not own program " + id
                    + "; only its owner may change it");
        }
        return contract;
    }

    /** Pause, resume (to ACTIVE) or retire. Serialized, so that two changes never race past the check. */
    public synchronized Outcome<Contract> changeStatus(Participant caller, int id, ContractStatus next) {
        Contract contract = owned(caller, id);
        if (!contract.status().mayBecome(next)) {
            return Outcome.refused(Problem.of(ProblemType.PROGRAM_STATUS_CONFLICT, "program " + id + " is "
                    + contract.status() + " and cannot become " + next));
        }
        EventBatch events = new EventBatch(1);
        events.record(ContractRecords.status(id, next, caller.code()));
        gate.submit(events);
        return Outcome.done(get(id), true);
    }

    /**
     * Opens the account that carries program {@code id} for the owner of {@code wallet}: the same key and
     * servicing intermediary, so the owner pays from it as from the wallet, but a separate balance. A
     * gate's account is a PROGRAM account (an allowance, a pool, a project budget); a tax contract's is
     * the merchant's VAT-collecting MERCHANT account. {@code dailyLimit} caps its daily outflow.
     */
    public Outcome<AccountId> enrol(Participant caller, int id, AccountId wallet, long dailyLimit) {
        Contract contract = owned(caller, id);
        if (contract.status() != ContractStatus.ACTIVE) {
            return Outcome.refused(Problem.of(ProblemType.PROGRAM_STATUS_CONFLICT, "program " + id + " is " + contract.status()));
        }
        AccountFacts owner = access.account(wallet);
        AccountKind kind = contract.template() == ContractTemplate.TAX_SPLIT ? AccountKind.MERCHANT : AccountKind.PROGRAM;
        AccountId account = ProgramAccount.derive(id, wallet);
        EventBatch events = new EventBatch(1);
        events.createAccount(account.hi(), account.lo(), Transfers.DT, kind, owner.intermediary(), owner.ownerKey(), 0,
                Long.MAX_VALUE, Long.MAX_VALUE, dailyLimit, id, 0);
        Result result = gate.submit(events).results().result(0);
        return switch (result) {
            case OK -> Outcome.done(account, true);
            case EXISTS -> Outcome.done(account, false);
            default -> Outcome.refused(Problem.ledger(ProblemType.ID_CONFLICT, wallet.address()
                    + " is enrolled in program " + id + " with another daily limit", result));
        };
    }

    /**
     * Schedules {@code count} payments of {@code amount} from the caller's own account to {@code to},
     * the first at {@code firstSeconds}, then every {@code intervalSeconds}.
     */
    public synchronized Outcome<Schedule> schedulePayments(Participant caller, AccountId to, long amount, long firstSeconds,
                                                            int intervalSeconds, int count) {
        Access.requireRole(caller, caller.role() == Role.GOVERNMENT || caller.role().convertsCash(),
                "schedule payments; government bodies, banks and payment agents may");
        AccountId from = caller.ownAccount().orElseThrow(() -> NodeException.of(ProblemType.NOT_PERMITTED,
                caller.id() + " holds no account to pay from"));
        access.account(to);
        if (amount <= 0 || count < 1 || count > 10_000 || intervalSeconds < 0 || count > 1 && intervalSeconds == 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "a schedule pays a positive amount 1..10000 times, with an"
                    + " interval of at least a second between payments");
        }
        return journal(new Schedule(nextScheduleId(), Schedule.Action.PAY, caller.code(), 0, from.hi(), from.lo(), to.hi(),
                to.lo(), amount, firstSeconds, intervalSeconds, count, 0));
    }

    /** Schedules the sweep of program {@code id}'s accounts to its return account at {@code atSeconds}. */
    public synchronized Outcome<Schedule> scheduleSweep(Participant caller, int id, long atSeconds) {
        Contract contract = owned(caller, id);
        if (contract.template() != ContractTemplate.GATE || contract.parameters().get(1) == 0 && contract.parameters().get(2) == 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "program " + id + " has no return account to sweep to");
        }
        return journal(new Schedule(nextScheduleId(), Schedule.Action.SWEEP, caller.code(), id, 0, 0, 0, 0, 0, atSeconds, 0, 1, 0));
    }

    /**
     * Schedules the program's allowance: {@code count} times, from {@code firstSeconds} every
     * {@code intervalSeconds}, every account carrying it (each enrolled child) receives {@code amount}
     * from the owner's own account.
     */
    public synchronized Outcome<Schedule> scheduleAllowance(Participant caller, int id, long amount, long firstSeconds,
                                                             int intervalSeconds, int count) {
        Contract contract = owned(caller, id);
        AccountId from = caller.ownAccount().orElseThrow(() -> NodeException.of(ProblemType.NOT_PERMITTED,
                caller.id() + " holds no account to pay allowances from"));
        if (contract.template() != ContractTemplate.GATE) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "allowances are paid into the accounts of a gate program");
        }
        if (amount <= 0 || count < 1 || count > 10_000 || intervalSeconds < 0 || count > 1 && intervalSeconds == 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "an allowance is a positive amount paid 1..10000 times, with"
                    + " an interval of at least a second");
        }
        return journal(new Schedule(nextScheduleId(), Schedule.Action.ALLOWANCE, caller.code(), id, from.hi(), from.lo(), 0,
                0, amount, firstSeconds, intervalSeconds, count, 0));
    }

    private long nextScheduleId() {
        return 1 + gate.read(ledger -> contracts.schedules()).stream().mapToLong(Schedule::id).max().orElse(0);
    }

    private Outcome<Schedule> journal(Schedule schedule) {
        EventBatch events = new EventBatch(1);
        events.record(ContractRecords.schedule(schedule));
        gate.submit(events);
        return Outcome.done(schedule, true);
    }

    /** The caller's schedules, with how far each has come. */
    public List<Schedule> schedules(Participant caller) {
        return gate.read(ledger -> contracts.schedules()).stream().filter(s -> s.owner() == caller.code()).toList();
    }

    /** A linked leg that a program added to a payment: its derived id, accounts, amount and purpose. */
    public record Leg(TransferId id, AccountId debit, AccountId credit, long amount, int purpose) {}

    /**
     * The legs that programs added to payment {@code id} (a tax share, say), for a participant that
     * services either side of the payment or owns the program either side carries. The legs are not events: the ledger derives them from the
     * payment's event and the state, so the payment's receipt proves them to anyone who replays.
     */
    public List<Leg> legs(Participant caller, TransferId id) {
        Optional<Transfer> parent = gate.read(ledger -> ledger.transfer(id.hi(), id.lo()));
        if (parent.isEmpty() || !(services(caller, parent.get().debitHi(), parent.get().debitLo())
                || services(caller, parent.get().creditHi(), parent.get().creditLo()))) {
            throw NodeException.of(ProblemType.PAYMENT_NOT_FOUND, "no payment " + id + " on an account " + caller.id() + " services");
        }
        return gate.read(ledger -> {
            List<Leg> legs = new ArrayList<>();
            for (int i = 0; i < org.dtenge.ledger.Legs.LEGS_MAX; i++) {
                Optional<Transfer> leg = ledger.transfer(Ledger.legIdHi(id.hi(), i), Ledger.legIdLo(id.lo(), i));
                if (leg.isEmpty()) {
                    break;
                }
                Transfer t = leg.get();
                legs.add(new Leg(new TransferId(t.idHi(), t.idLo()), new AccountId(t.debitHi(), t.debitLo()),
                        new AccountId(t.creditHi(), t.creditLo()), t.amount(), t.purpose()));
            }
            return legs;
        });
    }

    /** Whether {@code caller} services the account, or owns the program it carries (the tax authority, the funder). */
    private boolean services(Participant caller, long hi, long lo) {
        AccountId id = new AccountId(hi, lo);
        if (access.account(id).intermediary() == caller.code()) {
            return true;
        }
        return gate.read(ledger -> ledger.account(hi, lo).map(a -> a.policy()).flatMap(contracts::contract))
                .map(c -> c.owner() == caller.code()).orElse(false);
    }

    /** The accounts that carry program {@code id}. A walk over all accounts: for owners' reports, not payments. */
    public List<AccountId> accounts(int id) {
        return gate.read(ledger -> {
            List<AccountId> carrying = new ArrayList<>();
            for (int slot = 0; slot < ledger.accountCount(); slot++) {
                Account a = ledger.accountAt(slot);
                if (a.policy() == id) {
                    carrying.add(new AccountId(a.idHi(), a.idLo()));
                }
            }
            return carrying;
        });
    }

    public int groupMin() {
        return groupMin;
    }

    /** What the program's accounts paid, per payee, in groups of at least {@link #groupMin()}; never per account. The owner only. */
    public List<Spending> spending(Participant caller, int id) {
        owned(caller, id);
        return reports.spending(accounts(id), groupMin);
    }

    /** A tax contract's statement for one of its merchant accounts; for the owner (the tax authority) or the merchant's servicer. */
    public Statement statement(Participant caller, int id, AccountId merchant) {
        Contract contract = get(id);
        if (contract.template() != ContractTemplate.TAX_SPLIT) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "program " + id + " is not a tax contract");
        }
        AccountFacts facts = access.account(merchant);
        if (contract.owner() != caller.code() && facts.intermediary() != caller.code()) {
            throw NodeException.of(ProblemType.ACCOUNT_NOT_SERVICED, caller.id() + " neither owns program " + id
                    + " nor services " + merchant.address());
        }
        return reports.statement(contract, merchant);
    }
}
