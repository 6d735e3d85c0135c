package org.dtenge.cards.gateway;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.money.TransferId;

/**
 * What the ledger's transfer does not say about a card transaction, as a RECORD linked after the
 * transfer (so it is journaled exactly when the transfer is, and never on a repeat). Rebuilds the
 * ATM cash used per card and day and the banks' settlement reports, and shows both amounts of a
 * payment abroad.
 *
 * <pre>
 * offset size
 *   0     1   kind = 16 (CARDS)
 *   1     1   type = 3 (TRANSACTION)
 *   2     1   version = 1
 *   3     1   operation code
 *   4    16   transfer id
 *  20    16   card id (first 16 bytes of the PAN's keyed hash)
 *  36     8   issuing bank's participant code
 *  44     8   amount in tiyn (what the wallet paid, fee included)
 *  52     8   fee in tiyn (conversion fee; 0 at home)
 *  60     8   amount in the transaction currency, minor units
 *  68     2   transaction currency, ISO 4217 numeric
 *  70     1   1 when cash (ATM), else 0
 *  71    16   the original's transfer id: the hold a completion or void settles, the payment a refund
 *             returns; zero for a hold or purchase
 *  87     4   a hold's timeout in seconds (0 for the rest)
 * </pre>
 */
public record TransactionRecord(Operation operation, TransferId transfer, byte[] cardId, long bank, long tiyn, long feeTiyn,
                                long foreignMinor, int currency, boolean cash, Optional<TransferId> original,
                                int holdTimeoutSeconds) {
    public static final int TYPE = 3;
    private static final int VERSION = 1;

    public byte[] encode() {
        return ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE).put((byte) RecordKind.CARDS.code).put((byte) TYPE)
                .put((byte) VERSION).put((byte) operation.code).putLong(transfer.hi()).putLong(transfer.lo())
                .put(cardId, 0, 16).putLong(bank).putLong(tiyn).putLong(feeTiyn).putLong(foreignMinor)
                .putShort((short) currency).put((byte) (cash ? 1 : 0))
                .putLong(original.map(TransferId::hi).orElse(0L)).putLong(original.map(TransferId::lo).orElse(0L))
                .putInt(holdTimeoutSeconds).array();
    }

    public static Optional<TransactionRecord> decode(EventBatch batch, int index) {
        ByteBuffer in = ByteBuffer.wrap(batch.array(), index * Event.SIZE + Event.RECORD_PAYLOAD, Event.RECORD_PAYLOAD_SIZE).slice();
        if (in.get() != RecordKind.CARDS.code || in.get() != TYPE || in.get() != VERSION) {
            return Optional.empty();
        }
        Optional<Operation> operation = Operation.ofCode(in.get());
        long hi = in.getLong();
        long lo = in.getLong();
        byte[] card = new byte[16];
        in.get(card);
        long bank = in.getLong();
        long tiyn = in.getLong();
        long fee = in.getLong();
        long foreign = in.getLong();
        int currency = in.getShort();
        boolean cash = in.get() == 1;
        long originalHi = in.getLong();
        long originalLo = in.getLong();
        int timeout = in.getInt();
        Optional<TransferId> original = originalHi == 0 && originalLo == 0 ? Optional.empty()
                : Optional.of(new TransferId(originalHi, originalLo));
        if (operation.isEmpty() || (hi == 0 && lo == 0)) {
            return Optional.empty();
        }
        return Optional.of(new TransactionRecord(operation.get(), new TransferId(hi, lo), card, bank, tiyn, fee, foreign,
                currency, cash, original, timeout));
    }
}
