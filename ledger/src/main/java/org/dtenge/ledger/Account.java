package org.dtenge.ledger;

/**
 * An account as of the last applied batch; a copy, safe to hand out. Limits of {@link Long#MAX_VALUE}
 * mean "no limit".
 *
 * @param ownerKey     the owner's Ed25519 public key (pseudonymous; the ledger holds no names)
 * @param intermediary the participant that services the account
 * @param held         the sum of the account's open holds; available = balance - held
 */
public record Account(long idHi, long idLo, int asset, AccountKind kind, long intermediary, byte[] ownerKey,
                      int tier, long holdingLimit, long paymentLimit, long dailyLimit, AccountStatus status,
                      long balance, long held, long outflowToday, int outflowDay, int policy,
                      long timestampNanos) {
    public long available() {
        return balance - held;
    }
}
