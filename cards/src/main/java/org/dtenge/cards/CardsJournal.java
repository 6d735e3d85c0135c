package org.dtenge.cards;

import java.io.IOException;
import org.dtenge.cards.card.CardRecord;
import org.dtenge.cards.card.CardRegistry;
import org.dtenge.cards.fx.RateRecord;
import org.dtenge.cards.fx.RateTable;
import org.dtenge.cards.gateway.CardActivity;
import org.dtenge.cards.gateway.TransactionRecord;
import org.dtenge.cards.onay.Fare;
import org.dtenge.cards.onay.FareTable;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.EventType;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;

/**
 * Rebuilds the card registry, the rate tables, the Onay fares and the card activity from the journal's card records
 * at start: they are in the journal and nowhere else. Only records the ledger accepted count (a
 * transaction record whose transfer failed was rolled back with it).
 *
 * <p>This reads the whole journal at every start; a snapshot of the cards' state would bound it, as
 * ledger snapshots bound recovery (not done yet).
 */
final class CardsJournal {
    private CardsJournal() {}

    static void rebuild(Journal journal, CardRegistry cards, RateTable rates, CardActivity activity, FareTable fares) {
        long head = journal.durableHead().sequence();
        if (head == 0) {
            return;
        }
        try {
            journal.replay(1, (header, batch, results) -> apply(batch, results, cards, rates, activity, fares));
        } catch (IOException e) {
            throw new CardsException("cannot read the journal to rebuild the card registry: " + e.getMessage(), e);
        }
    }

    private static void apply(EventBatch batch, Results results, CardRegistry cards, RateTable rates, CardActivity activity,
                              FareTable fares) {
        for (int i = 0; i < batch.count(); i++) {
            if (batch.type(i) != EventType.RECORD.code || results.result(i) != Result.OK) {
                continue;
            }
            final int index = i;
            CardRecord.type(batch, i).ifPresent(type -> {
                switch (type) {
                    case CardRecord.TYPE_CARD -> CardRecord.decode(batch, index).ifPresent(cards::put);
                    case CardRecord.TYPE_RATE -> RateRecord.decode(batch, index).ifPresent(rates::put);
                    case TransactionRecord.TYPE -> TransactionRecord.decode(batch, index)
                            .ifPresent(r -> activity.add(r, batch.timestampNanos() + index));
                    case Fare.TYPE -> Fare.decode(batch, index).ifPresent(fares::put);
                    default -> { } // a record type of a later version: not this one's to read
                }
            });
        }
    }
}
