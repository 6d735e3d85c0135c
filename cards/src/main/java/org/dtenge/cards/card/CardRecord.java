package org.dtenge.cards.card;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.chain.RecordKind;
import org.dtenge.node.money.AccountId;

/**
 * A card's whole state as a RECORD payload (124 bytes, big-endian, zero-padded). Issuing writes one,
 * and so does every change of status: the registry keeps the last record of each card, so replaying
 * the journal rebuilds it.
 *
 * <pre>
 * offset size
 *   0     1   kind = 16 (CARDS)
 *   1     1   type = 1 (CARD)
 *   2     1   version = 1
 *   3     1   product code
 *   4    32   HMAC-SHA256 of the PAN
 *  36     4   last four digits, ASCII
 *  40     8   issuing bank's participant code
 *  48     2   wallet id, high 16 bits
 *  50     8   wallet id, low 64 bits
 *  58     2   expiry year
 *  60     1   expiry month
 *  61     1   status code
 *  62     1   allowed channels, one bit each
 *  63     8   per-purchase limit, tiyn
 *  71     8   daily ATM cash limit, tiyn
 * </pre>
 */
public final class CardRecord {
    /** The payload's second byte for the cards module's record types. */
    public static final int TYPE_CARD = 1;
    public static final int TYPE_RATE = 2;
    private static final int VERSION = 1;

    private CardRecord() {}

    public static byte[] encode(Card card) {
        ByteBuffer out = ByteBuffer.allocate(Event.RECORD_PAYLOAD_SIZE);
        out.put((byte) RecordKind.CARDS.code).put((byte) TYPE_CARD).put((byte) VERSION).put((byte) card.product().code);
        out.put(card.panHash()).put(card.lastFour().getBytes(StandardCharsets.US_ASCII)).putLong(card.bank());
        out.putShort((short) card.wallet().hi()).putLong(card.wallet().lo());
        out.putShort((short) card.expiry().getYear()).put((byte) card.expiry().getMonthValue());
        out.put((byte) card.status().code).put((byte) Channel.bits(card.channels()));
        out.putLong(card.purchaseLimit()).putLong(card.atmDailyLimit());
        return out.array();
    }

    /** The type of the cards record in RECORD event {@code index}, or empty when it is not one. */
    public static Optional<Integer> type(EventBatch batch, int index) {
        byte[] bytes = batch.array();
        int base = index * Event.SIZE + Event.RECORD_PAYLOAD;
        return bytes[base] == RecordKind.CARDS.code ? Optional.of((int) bytes[base + 1]) : Optional.empty();
    }

    public static Optional<Card> decode(EventBatch batch, int index) {
        int from = index * Event.SIZE + Event.RECORD_PAYLOAD;
        return decode(ByteBuffer.wrap(batch.array(), from, Event.RECORD_PAYLOAD_SIZE).slice());
    }

    static Optional<Card> decode(ByteBuffer in) {
        if (in.get() != RecordKind.CARDS.code || in.get() != TYPE_CARD || in.get() != VERSION) {
            return Optional.empty();
        }
        Optional<CardProduct> product = CardProduct.ofCode(in.get());
        byte[] hash = new byte[PanHasher.HASH_BYTES];
        in.get(hash);
        byte[] lastFour = new byte[4];
        in.get(lastFour);
        long bank = in.getLong();
        long walletHi = in.getShort() & 0xFFFF;
        long walletLo = in.getLong();
        int year = in.getShort();
        int month = in.get();
        Optional<CardStatus> status = CardStatus.ofCode(in.get());
        int channels = in.get();
        long purchaseLimit = in.getLong();
        long atmDailyLimit = in.getLong();
        if (product.isEmpty() || status.isEmpty() || month < 1 || month > 12 || (walletHi == 0 && walletLo == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Card(hash, new String(lastFour, StandardCharsets.US_ASCII), product.get(), bank,
                new AccountId(walletHi, walletLo), YearMonth.of(year, month), status.get(), purchaseLimit, atmDailyLimit,
                Channel.of(channels)));
    }
}
