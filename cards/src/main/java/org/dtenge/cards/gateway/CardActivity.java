package org.dtenge.cards.gateway;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What card transactions add up to, per ledger day (UTC+5, as the ledger counts days): the ATM cash
 * each card took, each bank's card positions, and each card's latest transactions (its statement).
 * Fed by transaction records as they become durable and, at start, from the journal; so it is
 * derived, like a projection.
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
                        ? new Position(purchases, purchaseTiyn, withdrawals + 1, withdrawalTiyn + r.tiyn(), refunds, refundTiyn,
                                feeTiyn + r.feeTiyn())
                        : new Position(purchases + 1, purchaseTiyn + r.tiyn(), withdrawals, withdrawalTiyn, refunds, refundTiyn,
                                feeTiyn + r.feeTiyn());
                case REFUND -> new Position(purchases, purchaseTiyn, withdrawals, withdrawalTiyn, refunds + 1,
                        refundTiyn + r.tiyn(), feeTiyn);
                case HOLD, VOID -> this; // a hold moves nothing yet; its completion does
            };
        }
    }

    private record BankDay(long bank, LocalDate day) {}

    private record CardDay(ByteBuffer card, LocalDate day) {}

    /** A cash hold not yet completed or voided, and when the ledger lets it expire. */
    private record PendingCash(CardDay cardDay, long tiyn, long expiresAtNanos) {}

    /** How many of a card's latest transactions are kept for its statement. */
    public static final int STATEMENT_MAX = 500;

    /** One line of a card's statement: a transaction record and when the ledger applied it. */
    public record Line(TransactionRecord record, long atNanos) {}

    private final ConcurrentHashMap<BankDay, Position> positions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CardDay, Long> cash = new ConcurrentHashMap<>();
    private final java.util.HashMap<org.dtenge.node.money.TransferId, PendingCash> pendingCash = new java.util.HashMap<>();
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
            cash(record, day, timestampNanos);
        }
    }

    /**
     * ATM cash is counted when it is held or paid. A completion counts what was dispensed instead of what
     * was held; a void or refund gives the allowance back; a hold that expired gives it back when the
     * allowance is next read. Under one lock: cash is rare, and the three maps change together.
     */
    private synchronized void cash(TransactionRecord record, LocalDate day, long atNanos) {
        CardDay cardDay = new CardDay(ByteBuffer.wrap(record.cardId().clone(), 0, 16).slice(), day);
        switch (record.operation()) {
            case HOLD -> {
                cash.merge(cardDay, record.tiyn(), Long::sum);
                pendingCash.put(record.transfer(), new PendingCash(cardDay, record.tiyn(),
                        atNanos + record.holdTimeoutSeconds() * 1_000_000_000L));
            }
            case PURCHASE -> cash.merge(cardDay, record.tiyn(), Long::sum);
            case COMPLETION -> {
                PendingCash hold = record.original().map(pendingCash::remove).orElse(null);
                if (hold != null) {
                    cash.merge(hold.cardDay(), record.tiyn() - hold.tiyn(), Long::sum);
                } else {
                    cash.merge(cardDay, record.tiyn(), Long::sum); // its hold was judged expired here first
                }
            }
            case VOID -> {
                PendingCash hold = record.original().map(pendingCash::remove).orElse(null);
                if (hold != null) {
                    cash.merge(hold.cardDay(), -hold.tiyn(), Long::sum);
                }
            }
            case REFUND -> cash.merge(cardDay, -record.tiyn(), Long::sum);
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

    /** ATM cash taken with the card (its first 16 hash bytes) on {@code day}, in tiyn, as of {@code nowNanos}. */
    public synchronized long cashTaken(byte[] cardId, LocalDate day, long nowNanos) {
        releaseExpired(nowNanos);
        return cash.getOrDefault(new CardDay(ByteBuffer.wrap(cardId, 0, 16).slice(), day), 0L);
    }

    /** Gives back the allowance of cash holds the ledger has let expire (it expires them by the same time). */
    private void releaseExpired(long nowNanos) {
        var holds = pendingCash.entrySet().iterator();
        while (holds.hasNext()) {
            PendingCash hold = holds.next().getValue();
            if (hold.expiresAtNanos() <= nowNanos) {
                cash.merge(hold.cardDay(), -hold.tiyn(), Long::sum);
                holds.remove();
            }
        }
    }
}
