package org.dtenge.node.genesis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.KeyFiles;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.chain.ParticipantRecord;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.config.Tier;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.service.Network;
import org.dtenge.node.service.Transfers;
import org.dtenge.sequencer.Submission;

/**
 * Creates the pilot network on a node's first start (an empty journal), as ordinary batches through
 * the sequencer, so that replaying the journal rebuilds it like anything else:
 *
 * <ol>
 *   <li>the asset DT, the issuance account and the central bank's registration;</li>
 *   <li>every other participant's own account and registration, and the genesis wallets;</li>
 *   <li>the initial issuance to each bank and the cash-in to each demo wallet.</li>
 * </ol>
 *
 * Every participant and wallet gets a fresh Ed25519 key, written to {@code keys/<id>.key} (and
 * {@code .pub}) <em>before</em> anything is submitted: a crash in between leaves an empty journal, and
 * the next start simply makes new keys. {@code network.json} in the data directory lists what was
 * created, with addresses, for the CLI and for people.
 */
public final class Genesis {
    private final ObjectMapper json;
    private final NodeConfig config;
    private final SecureRandom random;

    public Genesis(ObjectMapper json, NodeConfig config, SecureRandom random) {
        this.json = json;
        this.config = config;
        this.random = random;
    }

    /** Runs genesis through {@code gate}; returns the participants it registered. */
    public List<Participant> run(LedgerGate gate, Path keysDir) {
        GenesisFile file = read();
        Plan plan = plan(file);
        try {
            for (Map.Entry<String, SigningKey> key : plan.keys.entrySet()) {
                KeyFiles.write(keysDir, key.getKey(), key.getValue());
            }
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot write genesis keys to " + keysDir + ": "
                    + e.getMessage()), e);
        }
        check(gate.submit(plan.accounts), "accounts and registrations");
        if (plan.money.count() > 0) {
            check(gate.submit(plan.money), "issuance and cash-in");
        }
        writeSummary(keysDir.getParent().resolve("network.json"), plan.summary);
        return List.copyOf(plan.participants);
    }

    private GenesisFile read() {
        Optional<Path> path = config.genesisFile();
        try (InputStream in = path.isPresent() ? Files.newInputStream(path.get())
                : Genesis.class.getResourceAsStream("/org/dtenge/node/genesis.json")) {
            if (in == null) {
                throw NodeException.of(ProblemType.CONFIGURATION, "the built-in genesis.json is missing from the build");
            }
            return json.readValue(in, GenesisFile.class);
        } catch (JacksonException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "genesis file " + path.map(Path::toString).orElse("(built in)")
                    + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "cannot read genesis file " + path.orElseThrow() + ": " + e.getMessage());
        }
    }

    private static final class Plan {
        final EventBatch accounts = new EventBatch();
        final EventBatch money = new EventBatch();
        final Map<String, SigningKey> keys = new LinkedHashMap<>();
        final Map<String, Object> summary = new LinkedHashMap<>();
        final List<Participant> participants = new ArrayList<>();
        Participant centralBank;
    }

    private Plan plan(GenesisFile file) {
        Plan plan = new Plan();
        require(file.asset() != null && file.participants() != null, "genesis needs \"asset\" and \"participants\"");
        require(Integer.valueOf(Transfers.DT).equals(file.asset().id()) && "KZT".equals(file.asset().code())
                && Integer.valueOf(2).equals(file.asset().scale()), "this node moves DT: asset id 1, code KZT, scale 2");
        Map<String, Participant> participants = new LinkedHashMap<>();
        Set<Long> codes = new HashSet<>();
        for (GenesisFile.ParticipantSpec spec : file.participants()) {
            Participant participant = participant(spec, plan);
            require(participants.putIfAbsent(participant.id(), participant) == null && codes.add(participant.code()),
                    "participant id and code must be unique: " + spec.id());
        }
        List<Participant> centralBanks = participants.values().stream().filter(p -> p.role() == Role.CENTRAL_BANK).toList();
        require(centralBanks.size() == 1, "genesis needs exactly one CENTRAL_BANK participant");
        plan.centralBank = centralBanks.getFirst();
        AccountId issuance = plan.centralBank.ownAccount().orElseThrow();
        plan.accounts.createAsset(Transfers.DT, "KZT", 2, issuance.hi(), issuance.lo());
        plan.accounts.createAccount(issuance.hi(), issuance.lo(), Transfers.DT, AccountKind.ISSUANCE, plan.centralBank.code(),
                plan.centralBank.publicKey(), 0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, Event.LINKED);
        plan.accounts.record(ParticipantRecord.encode(plan.centralBank));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (GenesisFile.ParticipantSpec spec : file.participants()) {
            Participant participant = participants.get(spec.id());
            if (participant.role() != Role.CENTRAL_BANK) {
                EventBatch registration = Network.registration(participant);
                for (int i = 0; i < registration.count(); i++) {
                    plan.accounts.appendRecord(registration, i);
                }
            }
            if (spec.issue() != null) {
                require(participant.role().convertsCash(), spec.id() + " holds no reserve: only banks and payment agents get issuance");
                AccountId reserve = participant.ownAccount().orElseThrow();
                plan.money.transfer(id("issue", spec.id()).hi(), id("issue", spec.id()).lo(), issuance.hi(), issuance.lo(),
                        reserve.hi(), reserve.lo(), amount(spec.issue(), spec.id()), Transfers.DT, 0);
            }
            listed.add(describe(participant));
            plan.participants.add(participant);
        }
        plan.summary.put("participants", listed);
        plan.summary.put("wallets", wallets(file, participants, plan));
        return plan;
    }

    private Participant participant(GenesisFile.ParticipantSpec spec, Plan plan) {
        require(spec.id() != null && spec.code() != null && spec.name() != null && spec.role() != null,
                "every participant needs id, code, name and role");
        Role role;
        try {
            role = Role.valueOf(spec.role());
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "participant " + spec.id() + ": unknown role " + spec.role());
        }
        SigningKey key = SigningKey.generate(random);
        plan.keys.put(spec.id(), key);
        try {
            return new Participant(spec.id(), spec.code(), spec.name(), role, key.publicKey());
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "participant " + spec.id() + ": " + e.getMessage());
        }
    }

    private List<Map<String, Object>> wallets(GenesisFile file, Map<String, Participant> participants, Plan plan) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (GenesisFile.WalletSpec spec : file.wallets() == null ? List.<GenesisFile.WalletSpec>of() : file.wallets()) {
            require(spec.id() != null && spec.kind() != null && spec.servicer() != null && spec.tier() != null,
                    "every wallet needs id, kind, servicer and tier");
            require(!plan.keys.containsKey(spec.id()), "wallet id " + spec.id() + " is taken (ids name key files)");
            Participant servicer = participants.get(spec.servicer());
            require(servicer != null && servicer.role().servicesWallets(), "wallet " + spec.id() + ": servicer "
                    + spec.servicer() + " is not a bank, payment agent or acquirer of this genesis");
            AccountKind kind = "MERCHANT".equals(spec.kind()) ? AccountKind.MERCHANT : AccountKind.RETAIL;
            require("MERCHANT".equals(spec.kind()) || "RETAIL".equals(spec.kind()), "wallet " + spec.id() + ": kind is RETAIL or MERCHANT");
            Tier tier = config.tier(spec.tier()).orElseThrow(() -> NodeException.of(ProblemType.CONFIGURATION,
                    "wallet " + spec.id() + ": unknown tier " + spec.tier()));
            SigningKey key = SigningKey.generate(random);
            plan.keys.put(spec.id(), key);
            AccountId wallet = AccountId.derive(servicer.code(), kind, key.publicKey());
            plan.accounts.createAccount(wallet.hi(), wallet.lo(), Transfers.DT, kind, servicer.code(), key.publicKey(),
                    tier.code(), tier.holdingLimit(), tier.paymentLimit(), tier.dailyLimit(), 0, 0);
            if (spec.cashIn() != null) {
                require(servicer.role().convertsCash(), "wallet " + spec.id() + ": " + spec.servicer() + " cannot cash in");
                AccountId reserve = servicer.ownAccount().orElseThrow();
                TransferId id = id("cash-in", spec.id());
                plan.money.transfer(id.hi(), id.lo(), reserve.hi(), reserve.lo(), wallet.hi(), wallet.lo(),
                        amount(spec.cashIn(), spec.id()), Transfers.DT, 0);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", spec.id());
            entry.put("name", spec.name() == null ? "" : spec.name());
            entry.put("kind", kind.name());
            entry.put("servicer", servicer.id());
            entry.put("tier", tier.name());
            entry.put("address", wallet.address());
            entry.put("key", "keys/" + spec.id() + ".key");
            listed.add(entry);
        }
        return listed;
    }

    private static Map<String, Object> describe(Participant participant) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", participant.id());
        entry.put("code", participant.code());
        entry.put("name", participant.name());
        entry.put("role", participant.role().name());
        participant.ownAccount().ifPresent(account -> entry.put("account", account.address()));
        entry.put("key", "keys/" + participant.id() + ".key");
        return entry;
    }

    private static long amount(String text, String who) {
        return switch (Tenge.parse(text)) {
            case Tenge.Parsed.Valid valid -> valid.tiyn();
            case Tenge.Parsed.Invalid invalid -> throw NodeException.of(ProblemType.CONFIGURATION, who + ": " + invalid.reason());
        };
    }

    /** Genesis transfer ids are derived from their purpose, so a genesis file always yields the same ids. */
    private static TransferId id(String what, String who) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("dtenge genesis " + what + " " + who)
                    .getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new TransferId(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void check(Submission submission, String what) {
        Results results = submission.results();
        for (int i = 0; i < results.count(); i++) {
            if (results.result(i) != Result.OK) {
                throw NodeException.of(ProblemType.CONFIGURATION, "genesis " + what + ": event " + i + " was refused with "
                        + results.result(i) + "; check the genesis file");
            }
        }
    }

    private void writeSummary(Path file, Map<String, Object> summary) {
        try {
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        } catch (IOException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot write " + file + ": " + e.getMessage()), e);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw NodeException.of(ProblemType.CONFIGURATION, "genesis: " + what);
        }
    }
}
