package org.dtenge.node.projection;

import org.dtenge.ledger.AccountKind;
import org.dtenge.node.chain.AccountFacts;

/**
 * What a transfer was, judged by the kinds of its accounts, for statistics and events. Judging by
 * kinds rather than by purpose codes means a client cannot make a payment look like something else.
 */
public enum Category {
    ISSUANCE("issuance"),
    REDEMPTION("redemption"),
    CASH_IN("cash-in"),
    CASH_OUT("cash-out"),
    PAYMENT("payment");

    public final String label;

    Category(String label) {
        this.label = label;
    }

    public static Category of(AccountFacts debit, AccountFacts credit) {
        if (debit.kind() == AccountKind.ISSUANCE) {
            return ISSUANCE;
        }
        if (credit.kind() == AccountKind.ISSUANCE) {
            return REDEMPTION;
        }
        boolean debitInstitution = isReserve(debit);
        boolean creditInstitution = isReserve(credit);
        if (debitInstitution && credit.isCustomerWallet()) {
            return CASH_IN;
        }
        if (debit.isCustomerWallet() && creditInstitution) {
            return CASH_OUT;
        }
        return PAYMENT;
    }

    private static boolean isReserve(AccountFacts account) {
        return account.kind() == AccountKind.BANK_RESERVE || account.kind() == AccountKind.SETTLEMENT;
    }

    /** The side whose intermediary and wallet a statistic is counted for: the customer's side. */
    public AccountFacts countedSide(AccountFacts debit, AccountFacts credit) {
        return switch (this) {
            case ISSUANCE, CASH_IN -> credit;
            case REDEMPTION, CASH_OUT, PAYMENT -> debit;
        };
    }
}
