package org.dtenge.cards.card;

import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.service.Transfers;

/**
 * A bank's card settlement account: where its cardholders' DT goes the instant they pay by card (the
 * bank then settles with the card network in ordinary money). A SETTLEMENT account serviced by the
 * bank, its id derived like every account's, so that it needs no table; made with the bank's first card.
 */
public final class SettlementAccount {
    private SettlementAccount() {}

    public static AccountId of(Participant bank) {
        return AccountId.derive(bank.code(), AccountKind.SETTLEMENT, bank.publicKey());
    }

    /** Appends the account's creation; the ledger answers EXISTS when it is there already. */
    public static void create(Participant bank, EventBatch events) {
        AccountId id = of(bank);
        events.createAccount(id.hi(), id.lo(), Transfers.DT, AccountKind.SETTLEMENT, bank.code(), bank.publicKey(), 0,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
    }
}
