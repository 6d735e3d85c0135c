package org.dtenge.node.service;

import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;

/**
 * The authorization rules every service applies before anything reaches the ledger: a participant
 * acts only within its role, and only on the accounts it services (the ledger's intermediary field
 * holds the servicing participant's code; a participant's own accounts carry its own code).
 */
public final class Access {
    private final AccountDirectory directory;

    public Access(AccountDirectory directory) {
        this.directory = directory;
    }

    /** Fails with 403 unless {@code allowed}. */
    public static void requireRole(Participant caller, boolean allowed, String what) {
        if (!allowed) {
            throw NodeException.of(ProblemType.ROLE_NOT_PERMITTED, caller.id() + " is a " + caller.role() + ", which may not "
                    + what);
        }
    }

    public java.util.Optional<AccountFacts> find(AccountId id) {
        return directory.find(id);
    }

    /** The account, or 404. */
    public AccountFacts account(AccountId id) {
        return directory.find(id).orElseThrow(() -> NodeException.of(ProblemType.ACCOUNT_NOT_FOUND,
                "no account " + id.address()));
    }

    /** The account, if {@code caller} services it; 404 if there is none, 403 if it is another's. */
    public AccountFacts serviced(Participant caller, AccountId id) {
        AccountFacts account = account(id);
        if (account.intermediary() != caller.code()) {
            throw NodeException.of(ProblemType.ACCOUNT_NOT_SERVICED, caller.id() + " does not service " + id.address());
        }
        return account;
    }

    /** A customer's wallet serviced by {@code caller}. */
    public AccountFacts servicedWallet(Participant caller, AccountId id) {
        AccountFacts account = serviced(caller, id);
        if (!account.isCustomerWallet()) {
            throw NodeException.of(ProblemType.NOT_PERMITTED, id.address() + " is a " + account.kind()
                    + " account, not a customer's wallet");
        }
        return account;
    }
}
