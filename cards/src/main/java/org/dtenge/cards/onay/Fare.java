package org.dtenge.cards.onay;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.dtenge.cards.CardsException;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.money.AccountId;

/**
 * The fare of a route type on an Onay issuer's cards, and the carrier's wallet it is paid to. As a
 * RECORD payload (124 bytes, big-endian, zero-padded); the last one for a bank and route type is in force:
 *
 * <pre>
 * offset size
 *   0     1   kind = 16 (CARDS)
 *   1     1   type = 4 (FARE)
 *   2     1   version = 1
 *   3     1   route type code
 *   4     8   bank's participant code
 *  12     8   fare, tiyn
 *  20     2   payee wallet id, high 16 bits
 *  22     8   payee wallet id, low 64 bits
 * </pre>
 */
public record Fare(long bank, RouteType routeType, long fareTiyn, AccountId payee) {
    public static final int TYPE = 4;
    private static final int VERSION = 1;

    public Fare {
        CardsException.check(fareTiyn > 0, "a fare is positive");
    }

    public byte[] encode() {
        return ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE).put((byte) RecordKind.CARDS.code).put((byte) TYPE)
                .put((byte) VERSION).put((byte) routeType.code).putLong(bank).putLong(fareTiyn)
                .putShort((short) payee.hi()).putLong(payee.lo()).array();
    }

    public static Optional<Fare> decode(EventBatch batch, int index) {
        ByteBuffer in = ByteBuffer.wrap(batch.array(), index * Event.SIZE + Event.RECORD_PAYLOAD, Event.RECORD_PAYLOAD_SIZE).slice();
        if (in.get() != RecordKind.CARDS.code || in.get() != TYPE || in.get() != VERSION) {
            return Optional.empty();
        }
        Optional<RouteType> route = RouteType.ofCode(in.get());
        long bank = in.getLong();
        long fare = in.getLong();
        long hi = in.getShort() & 0xFFFF;
        long lo = in.getLong();
        if (route.isEmpty() || fare <= 0 || (hi == 0 && lo == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Fare(bank, route.get(), fare, new AccountId(hi, lo)));
    }
}
