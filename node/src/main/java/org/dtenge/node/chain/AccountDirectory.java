package org.dtenge.node.chain;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dtenge.ledger.Account;
import org.dtenge.node.money.AccountId;

/**
 * The immutable facts of accounts, for authorization and signature checks on request threads without
 * a trip to the sequencer. Filled from the projection at start and as accounts are projected; an
 * account opened a moment ago and not yet projected is read from the ledger once and cached.
 */
public final class AccountDirectory {
    private final ConcurrentHashMap<AccountId, AccountFacts> facts = new ConcurrentHashMap<>();
    private volatile Function<AccountId, Optional<Account>> ledger = id -> Optional.empty();

    /** Where to look for accounts not known yet: the ledger, through the sequencer. */
    public void readMissesFrom(Function<AccountId, Optional<Account>> ledgerLookup) {
        this.ledger = ledgerLookup;
    }

    public void put(AccountFacts account) {
        facts.put(account.id(), account);
    }

    /** Only what is cached: never asks the ledger (for the projection thread, which must not wait on it). */
    public Optional<AccountFacts> known(AccountId id) {
        return Optional.ofNullable(facts.get(id));
    }

    public Optional<AccountFacts> find(AccountId id) {
        AccountFacts known = facts.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AccountFacts> read = ledger.apply(id).map(AccountDirectory::factsOf);
        read.ifPresent(this::put);
        return read;
    }

    public static AccountFacts factsOf(Account account) {
        return new AccountFacts(new AccountId(account.idHi(), account.idLo()), account.kind(), account.intermediary(),
                account.ownerKey(), account.asset());
    }

    public int size() {
        return facts.size();
    }
}
