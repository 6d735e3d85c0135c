package org.dtenge.node.chain;

import org.dtenge.ledger.AccountKind;
import org.dtenge.node.money.AccountId;

/**
 * What never changes about an account once opened: who services it, what kind it is, whose key owns
 * it. Safe to cache on any thread; balances and status are asked of the ledger instead.
 */
public record AccountFacts(AccountId id, AccountKind kind, long intermediary, byte[] ownerKey, int asset) {
    public AccountFacts {
        ownerKey = ownerKey.clone();
    }

    @Override
    public byte[] ownerKey() {
        return ownerKey.clone();
    }

    /** A customer's wallet, as opposed to an institution's own account. */
    public boolean isCustomerWallet() {
        return kind == AccountKind.RETAIL || kind == AccountKind.MERCHANT;
    }
}
