package org.dtenge.node.participant;

import java.util.Optional;
import org.dtenge.ledger.AccountKind;

/**
 * What a participant is on the network. The code is written into the journal (participant records),
 * so codes never change meaning.
 */
public enum Role {
    CENTRAL_BANK(1, AccountKind.ISSUANCE),
    BANK(2, AccountKind.BANK_RESERVE),
    PAYMENT_AGENT(3, AccountKind.BANK_RESERVE),
    MERCHANT_ACQUIRER(4, AccountKind.SETTLEMENT),
    EXCHANGE(5, AccountKind.SETTLEMENT),
    GOVERNMENT(6, AccountKind.GOVERNMENT),
    APP_PROVIDER(7, null),
    AUDITOR(8, null);

    public final int code;
    private final AccountKind holds;

    Role(int code, AccountKind holds) {
        this.code = code;
        this.holds = holds;
    }

    public static Optional<Role> ofCode(int code) {
        for (Role role : values()) {
            if (role.code == code) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The kind of the one account a participant of this role holds itself, if any. */
    public Optional<AccountKind> ownAccountKind() {
        return Optional.ofNullable(holds);
    }

    /** Banks, Kazpost and acquirers open and service customers' wallets. */
    public boolean servicesWallets() {
        return this == BANK || this == PAYMENT_AGENT || this == MERCHANT_ACQUIRER;
    }

    /** Those with a reserve account turn cash and deposits into DT and back. */
    public boolean convertsCash() {
        return this == BANK || this == PAYMENT_AGENT;
    }

    /** Who may see network-wide aggregates. */
    public boolean seesAggregates() {
        return this == CENTRAL_BANK || this == AUDITOR;
    }
}
