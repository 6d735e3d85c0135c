package org.dtenge.cards.fx;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.dtenge.cards.card.CardRecord;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.chain.RecordKind;

/**
 * A bank's rate for one currency as a RECORD payload (124 bytes, big-endian, zero-padded); the last
 * record for a bank and currency is the rate in force.
 *
 * <pre>
 * offset size
 *   0     1   kind = 16 (CARDS)
 *   1     1   type = 2 (RATE)
 *   2     1   version = 1
 *   3     8   bank's participant code
 *  11     2   ISO 4217 numeric currency code
 *  13     8   tenge per unit, millionths
 *  21     4   fee, basis points
 * </pre>
 */
public final class RateRecord {
    private static final int VERSION = 1;

    private RateRecord() {}

    public static byte[] encode(FxRate rate) {
        return ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE).put((byte) RecordKind.CARDS.code).put((byte) CardRecord.TYPE_RATE)
                .put((byte) VERSION).putLong(rate.bank()).putShort((short) rate.currency()).putLong(rate.tengePerUnitMicros())
                .putInt(rate.feeBasisPoints()).array();
    }

    public static Optional<FxRate> decode(EventBatch batch, int index) {
        ByteBuffer in = ByteBuffer.wrap(batch.array(), index * Event.SIZE + Event.RECORD_PAYLOAD, Event.RECORD_PAYLOAD_SIZE).slice();
        if (in.get() != RecordKind.CARDS.code || in.get() != CardRecord.TYPE_RATE || in.get() != VERSION) {
            return Optional.empty();
        }
        long bank = in.getLong();
        int currency = in.getShort();
        long rate = in.getLong();
        int fee = in.getInt();
        if (currency <= 0 || currency >= 1000 || currency == FxRate.KZT || rate <= 0 || fee < 0 || fee > 10_000) {
            return Optional.empty();
        }
        return Optional.of(new FxRate(bank, currency, rate, fee));
    }
}
