package org.dtenge.node.service;

import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.participant.Role;
import org.dtenge.node.payment.Reference;

/**
 * The two tiers of the digital tenge. First tier: the central bank issues DT into a bank's reserve
 * account against the bank's reserves (issuance account to reserve, which is what makes supply) and
 * redeems it back (reserve to issuance account). Second tier: a bank or Kazpost turns a customer's
 * cash or deposit into DT in the customer's wallet (cash-in: its reserve to the wallet). The way back,
 * cash-out, moves the customer's money and so needs the customer's signature: it is a signed payment
 * to the intermediary's reserve ({@link Payments#cashOut}).
 */
public final class TwoTier {
    private final Transfers transfers;
    private final ParticipantRegistry registry;
    private final Access access;

    public TwoTier(Transfers transfers, ParticipantRegistry registry, Access access) {
        this.transfers = transfers;
        this.registry = registry;
        this.access = access;
    }

    public Outcome<Committed> issue(Participant caller, TransferId id, String bank, long amount, Reference reference) {
        Access.requireRole(caller, caller.role() == Role.CENTRAL_BANK, "issue DT; only the central bank may");
        AccountId reserve = reserveOf(bank);
        AccountId issuance = caller.ownAccount().orElseThrow();
        return transfers.submit(Transfers.single(id, issuance, reserve, amount, 0, reference), 0, id,
                "the issuance account", bank + "'s reserve");
    }

    public Outcome<Committed> redeem(Participant caller, TransferId id, String bank, long amount, Reference reference) {
        Access.requireRole(caller, caller.role() == Role.CENTRAL_BANK, "redeem DT; only the central bank may");
        AccountId reserve = reserveOf(bank);
        AccountId issuance = caller.ownAccount().orElseThrow();
        return transfers.submit(Transfers.single(id, reserve, issuance, amount, 0, reference), 0, id,
                bank + "'s reserve", "the issuance account");
    }

    public Outcome<Committed> cashIn(Participant caller, TransferId id, AccountId wallet, long amount, Reference reference) {
        Access.requireRole(caller, caller.role().convertsCash(), "cash in; only banks and payment agents may");
        AccountFacts account = access.servicedWallet(caller, wallet);
        AccountId reserve = caller.ownAccount().orElseThrow();
        return transfers.submit(Transfers.single(id, reserve, account.id(), amount, 0, reference), 0, id,
                caller.id() + "'s reserve", wallet.address());
    }

    private AccountId reserveOf(String bank) {
        Participant participant = registry.byId(bank).orElseThrow(() -> NodeException.of(ProblemType.PARTICIPANT_NOT_FOUND,
                "no participant \"" + bank + "\""));
        if (!participant.role().convertsCash()) {
            throw NodeException.of(ProblemType.NOT_PERMITTED, bank + " is a " + participant.role()
                    + " and holds no reserve account; only banks and payment agents do");
        }
        return participant.ownAccount().orElseThrow();
    }
}
