package org.dtenge.programs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.Policy;
import org.dtenge.ledger.PolicyTemplates;

/**
 * The ledger's policy templates with programmable money: the built-in templates plus the contract
 * templates ({@link ContractTemplate}), whose conditions are CEL compiled once and cached.
 *
 * <p>CREATE_POLICY parameters of a contract:
 * <pre>
 *   0..3  SHA-256 of the contract document (journaled before it in CONTRACT_TEXT records)
 *   4     contract id (the policy id, repeated so that the template knows it)
 *   5     owner: participant code
 *   6     version (1, 2, ... per contract name and owner, chosen by the node)
 *   7..12 the template's own parameters (see {@link GatePolicy}, {@link TaxSplitPolicy})
 * </pre>
 *
 * <p>State ({@link JournaledState}): the documents journaled so far, chunks of documents still
 * incomplete, each contract's status, and the schedules with their next occurrence. It changes only as
 * RECORDs are applied ({@link #onRecord}) and CREATE_POLICY events create contracts (never linked, so
 * never rolled back); policies only read it. It travels in the ledger image ({@link #capture}); the
 * deployed contracts are recreated from the image's policies. Everything here runs on the sequencer thread (reads come through
 * {@code Sequencer.read}), except {@link #conditions()}, which is thread-safe.
 */
public final class Contracts implements PolicyTemplates {
    public static final int FIRST_TEMPLATE_PARAM = 7;
    public static final int TEMPLATE_PARAMS = Event.POLICY_PARAMS_MAX - FIRST_TEMPLATE_PARAM;

    private final BuiltInPolicies builtIn = new BuiltInPolicies();
    private final Conditions conditions;
    private final AccountNames names;
    private final JournaledState state = new JournaledState();
    private final TreeMap<Integer, Deployed> deployed = new TreeMap<>();

    public Contracts(Conditions conditions, AccountNames names) {
        this.conditions = conditions;
        this.names = names;
    }

    /** A contract as created, and the live status its policy reads. */
    static final class Deployed {
        final int id;
        final ContractTemplate template;
        final long[] params;
        final String name;
        final String condition;
        final String hash;
        ContractStatus status = ContractStatus.ACTIVE;

        Deployed(int id, ContractTemplate template, long[] params, String name, String condition, String hash) {
            this.id = id;
            this.template = template;
            this.params = params;
            this.name = name;
            this.condition = condition;
            this.hash = hash;
        }

        int param(int i) {
            return (int) params[FIRST_TEMPLATE_PARAM + i];
        }

        long paramLong(int i) {
            return params[FIRST_TEMPLATE_PARAM + i];
        }
    }

    public Conditions conditions() {
        return conditions;
    }

    @Override
    public Instance create(int template, long[] params) {
        Optional<ContractTemplate> contract = ContractTemplate.of(template);
        if (contract.isEmpty()) {
            return builtIn.create(template, params);
        }
        String hash = ContractRecords.hex(ContractRecords.hashOf(params));
        byte[] document = state.document(hash).orElse(null);
        if (document == null) {
            return new InvalidParameters("no contract document with hash " + hash + " was journaled");
        }
        String text = new String(document, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline <= 0) {
            return new InvalidParameters("the contract document has no name line");
        }
        int id = (int) params[4];
        if (id <= 0 || id != params[4] || deployed.containsKey(id)) {
            return new InvalidParameters("contract id must be positive, fit 32 bits and be new");
        }
        String condition = text.substring(newline + 1);
        Condition compiled = switch (conditions.compile(condition)) {
            case Conditions.Accepted accepted -> accepted.condition();
            case Conditions.Refused refused -> null;
        };
        if (compiled == null) {
            return new InvalidParameters("the condition does not compile");
        }
        Deployed d = new Deployed(id, contract.get(), params.clone(), text.substring(0, newline), condition, hash);
        Instance instance = switch (contract.get()) {
            case GATE -> GatePolicy.create(d, compiled, new TransferFacts(names));
            case TAX_SPLIT -> TaxSplitPolicy.create(d, compiled, new TransferFacts(names));
            case REWARD_POOL -> RewardPoolPolicy.create(d, compiled, new TransferFacts(names));
        };
        if (instance instanceof Created) {
            d.status = state.status(id);
            deployed.put(id, d);
        }
        return instance;
    }

    @Override
    public void onRecord(ByteBuffer payload, int offset, long timestampNanos) {
        int changed = state.apply(payload, offset, deployed::containsKey);
        if (changed != 0) {
            deployed.get(changed).status = state.status(changed);
        }
    }

    /** Whether a document with this hash is journaled (so a CREATE_POLICY naming it would succeed). */
    public boolean hasDocument(byte[] document) {
        return state.hasDocument(document);
    }

    /** Every schedule, finished ones included, by id. */
    public List<Schedule> schedules() {
        return state.schedules();
    }

    /** Schedules whose next occurrence is due at {@code nowSeconds}. */
    public List<Schedule> due(long nowSeconds) {
        return state.due(nowSeconds);
    }

    @Override
    public byte[] capture() {
        return state.capture();
    }

    @Override
    public boolean restore(byte[] bytes) {
        deployed.clear(); // recreated from the image's policies, after this
        return state.restore(bytes);
    }

    /** The deployed contracts, by id. */
    public List<Contract> contracts() {
        List<Contract> all = new ArrayList<>(deployed.size());
        deployed.values().forEach(d -> all.add(view(d)));
        return all;
    }

    public Optional<Contract> contract(int id) {
        Deployed d = deployed.get(id);
        return d == null ? Optional.empty() : Optional.of(view(d));
    }

    private static Contract view(Deployed d) {
        List<Long> params = new ArrayList<>(TEMPLATE_PARAMS);
        for (int i = 0; i < TEMPLATE_PARAMS; i++) {
            params.add(d.paramLong(i));
        }
        return new Contract(d.id, d.template, d.name, d.condition, d.params[5], d.params[6], d.status,
                List.copyOf(params), d.hash);
    }

    /** Why a contract policy that governs a transfer must decline it before its condition is asked, or ALLOW. */
    static int statusReason(Deployed d) {
        return switch (d.status) {
            case ACTIVE -> Policy.ALLOW;
            case PAUSED -> Reasons.PAUSED;
            case RETIRED -> Reasons.RETIRED;
        };
    }
}
