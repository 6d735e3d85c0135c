package org.dtenge.cards.gateway;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What card transactions add up to, per ledger day (UTC+5, as the ledger counts days): the ATM cash
 * each card took, each bank's card positions, and each card's latest transactions (its statement). Fed by transaction records as they become durable
 * and, at start, from the journal; so it is derived, like a projection.
 */
public final class CardActivity {
    /** Kazakhstan's ledger day starts at midnight UTC+5. */
    public static final long DAY_OFFSET_SECONDS = 5 * 3600;

    /** A bank's card position on one day, in tiyn. */
    public record Position(long purchases, long purchaseTiyn, long withdrawals, long withdrawalTiyn, long refunds,
                           long refundTiyn, long feeTiyn) {
        static final Position ZERO = new Position(0, 0, 0, 0, 0, 0, 0);

        /** What the bank's card settlement account received net on the day: the bank owes the network this. */
        public long netTiyn() {
            return purchaseTiyn + withdrawalTiyn - refundTiyn;
        }

        Position plus(TransactionRecord r) {
            return switch (r.operation()) {
                case PURCHASE, COMPLETION -> r.cash()
                        ? new Position(purchases, purchaseTiyn, withdrawals + 1, withdrawalTiyn + r.tiyn(), refunds, refundTiyn, feeTiyn + r.feeTiyn())
                        : new Position(purchases + 1, purchaseTiyn + r.tiyn(), withdrawals, withdrawalTiyn, refunds, refundTiyn, feeTiyn + r.feeTiyn());
                case REFUND -> new Position(purchases, purchaseTiyn, withdrawals, withdrawalTiyn, refunds + 1, refundTiyn + r.tiyn(), feeTiyn);
                case HOLD, VOID -> this; // a hold moves nothing yet; its completion does
            };
        }
    }

    private record BankDay(long bank, LocalDate day) {}

    private record CardDay(ByteBuffer card, LocalDate day) {}

    /** How many of a card's latest transactions are kept for its statement. */
    public static final int STATEMENT_MAX = 500;

    /** One line of a card's statement: a transaction record and when the ledger applied it. */
    public record Line(TransactionRecord record, long atNanos) {}

    private final ConcurrentHashMap<BankDay, Position> positions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CardDay, Long> cash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ByteBuffer, java.util.ArrayDeque<Line>> statements = new ConcurrentHashMap<>();

    public static LocalDate ledgerDay(long timestampNanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(timestampNanos, 1_000_000_000L) + DAY_OFFSET_SECONDS, 86_400L));
    }

    public void add(TransactionRecord record, long timestampNanos) {
        LocalDate day = ledgerDay(timestampNanos);
        java.util.ArrayDeque<Line> lines = statements.computeIfAbsent(ByteBuffer.wrap(record.cardId().clone(), 0, 16).slice(),
                card -> new java.util.ArrayDeque<>());
        synchronized (lines) {
            lines.addFirst(new Line(record, timestampNanos));
            if (lines.size() > STATEMENT_MAX) {
                lines.removeLast();
            }
        }
        positions.merge(new BankDay(record.bank(), day), Position.ZERO.plus(record), (a, b) -> a.plus(record));
        if (record.cash()) {
            // Cash is counted when it is held or paid; a void or refund gives the allowance back.
            long delta = switch (record.operation()) {
                case HOLD, PURCHASE -> record.tiyn();
                case VOID, REFUND -> -record.tiyn();
                case COMPLETION -> 0;
            };
            cash.merge(new CardDay(ByteBuffer.wrap(record.cardId().clone()), day), delta, Long::sum);
        }
    }

    public Position position(long bank, LocalDate day) {
        return positions.getOrDefault(new BankDay(bank, day), Position.ZERO);
    }

    /** The card's latest transactions (its first 16 hash bytes), newest first. */
    public java.util.List<Line> statement(byte[] cardId) {
        java.util.ArrayDeque<Line> lines = statements.get(ByteBuffer.wrap(cardId, 0, 16).slice());
        if (lines == null) {
            return java.util.List.of();
        }
        synchronized (lines) {
            return java.util.List.copyOf(lines);
        }
    }

    /** ATM cash taken with the card (its first 16 hash bytes) on {@code day}, in tiyn. */
    public long cashTaken(byte[] cardId, LocalDate day) {
        return cash.getOrDefault(new CardDay(ByteBuffer.wrap(cardId, 0, 16).slice(), day), 0L);
    }
}
