package org.dtenge.cards.onay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.cards.card.Card;
import org.dtenge.cards.card.CardProduct;
import org.dtenge.cards.card.CardRegistry;
import org.dtenge.cards.card.CardStatus;
import org.dtenge.cards.card.Pan;
import org.dtenge.cards.card.PanHasher;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.payment.Reference;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.Transfers;
import org.dtenge.sequencer.Submission;

/**
 * Onay: fares per route type, and the taps validators upload. A tap pays the fare from the card's
 * wallet to the carrier's wallet. Its transfer id is derived from the validator, the card and the
 * validator's tap counter, so an upload repeated (or overlapping an earlier one) pays each tap once;
 * a late upload is applied like any other, with the card's validity judged at the tap's time.
 */
public final class Validators {
    /** ISO 18245 merchant category for local commuter transport: the purpose code of a fare. */
    public static final int TRANSIT_PURPOSE = 4111;
    /** ISO 18245 merchant category for eating places: the purpose code of a school canteen's meal. */
    public static final int CANTEEN_PURPOSE = 5812;
    public static final int TAPS_MAX = 1_000;
    private static final byte[] DOMAIN = "DTENGE-ONAY-TAP-1".getBytes(StandardCharsets.US_ASCII);

    private final LedgerGate gate;
    private final Access access;
    private final CardRegistry cards;
    private final PanHasher hasher;
    private final FareTable fares;

    public Validators(LedgerGate gate, Access access, CardRegistry cards, PanHasher hasher, FareTable fares) {
        this.gate = gate;
        this.access = access;
        this.cards = cards;
        this.hasher = hasher;
        this.fares = fares;
    }

    /** Sets a route type's fare on the caller's Onay cards and the carrier wallet that receives it. */
    public synchronized Fare setFare(Participant caller, RouteType routeType, long fareTiyn, AccountId payee) {
        requireBank(caller);
        access.account(payee); // 404 for a wallet that does not exist: taps would all fail
        Fare fare = new Fare(caller.code(), routeType, fareTiyn, payee);
        EventBatch events = new EventBatch(1);
        events.record(fare.encode());
        Result result = gate.submit(events).results().result(0);
        if (result != Result.OK) {
            throw new IllegalStateException("invariant broken: the ledger refused a RECORD event: " + result);
        }
        fares.put(fare);
        return fare;
    }

    public List<Fare> fares(Participant caller) {
        requireBank(caller);
        return fares.ofBank(caller.code());
    }

    /** Pays the taps of one validator's upload: one batch through the sequencer, one result per tap. */
    public List<TapResult> upload(Participant caller, String validator, List<Tap> taps) {
        requireBank(caller);
        if (taps.size() > TAPS_MAX) {
            throw NodeException.of(ProblemType.TOO_MANY_ITEMS, "an upload holds at most " + TAPS_MAX + " taps, not " + taps.size());
        }
        TapResult[] results = new TapResult[taps.size()];
        int[] eventOf = new int[taps.size()];
        long[] fareOf = new long[taps.size()];
        EventBatch events = new EventBatch(Math.max(1, taps.size()));
        Reference reference = Reference.of(("ONAY " + validator).substring(0, Math.min(16, 5 + validator.length())))
                .orElse(Reference.NONE);
        for (int i = 0; i < taps.size(); i++) {
            Tap tap = taps.get(i);
            eventOf[i] = -1;
            Optional<Pan> pan = Pan.parse(tap.pan());
            if (pan.isEmpty()) {
                results[i] = TapResult.refused(tap.sequence(), "not a card number");
                continue;
            }
            byte[] hash = hasher.hash(pan.get());
            Optional<Card> card = cards.find(hash);
            Optional<String> refusal = refusal(caller, card, tap);
            if (refusal.isPresent()) {
                results[i] = TapResult.refused(tap.sequence(), refusal.get());
                continue;
            }
            Optional<Fare> fare = fares.find(caller.code(), tap.routeType());
            if (fare.isEmpty()) {
                results[i] = TapResult.refused(tap.sequence(), "no fare for " + tap.routeType());
                continue;
            }
            TransferId id = tapId(validator, hash, tap.sequence());
            AccountId wallet = card.get().wallet();
            AccountId payee = fare.get().payee();
            eventOf[i] = events.count();
            fareOf[i] = fare.get().fareTiyn();
            events.transfer(id.hi(), id.lo(), wallet.hi(), wallet.lo(), payee.hi(), payee.lo(), fareOf[i], Transfers.DT, 0, 0, 0,
                    reference.hi(), reference.lo(), tap.routeType().purpose, 0);
        }
        if (events.count() > 0) {
            Submission submission = gate.submit(events);
            for (int i = 0; i < taps.size(); i++) {
                if (eventOf[i] >= 0) {
                    results[i] = result(taps.get(i).sequence(), submission.results().result(eventOf[i]),
                            submission.results().reason(eventOf[i]), fareOf[i]);
                }
            }
        }
        return List.of(results);
    }

    private static Optional<String> refusal(Participant caller, Optional<Card> card, Tap tap) {
        if (card.isEmpty() || card.get().bank() != caller.code()) {
            return Optional.of("no such card of " + caller.id());
        }
        if (card.get().product() != CardProduct.ONAY) {
            return Optional.of("not an Onay card");
        }
        if (card.get().status() != CardStatus.ACTIVE) {
            return Optional.of("card " + card.get().status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (card.get().isExpiredAt(YearMonth.from(tap.at().atOffset(ZoneOffset.ofHours(5))))) {
            return Optional.of("card expired at the time of the tap");
        }
        return Optional.empty();
    }

    private static TapResult result(long sequence, Result result, int reason, long fare) {
        return switch (result) {
            // A card on a program's account (a school-meals allowance): the program's rules decide.
            case POLICY_REJECTED -> TapResult.refused(sequence, "declined by the program of the card's account (reason "
                    + reason + ")");
            case OK -> new TapResult(sequence, TapResult.Status.PAID, fare, "");
            case EXISTS -> new TapResult(sequence, TapResult.Status.DUPLICATE, fare, "");
            // The tap's id names this tap alone: a different fare means the table changed since it was paid.
            case EXISTS_WITH_DIFFERENT_FIELDS -> new TapResult(sequence, TapResult.Status.DUPLICATE, 0, "paid before at another fare");
            default -> TapResult.refused(sequence, result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        };
    }

    static TransferId tapId(String validator, byte[] panHash, long sequence) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(DOMAIN);
        byte[] id = validator.getBytes(StandardCharsets.US_ASCII);
        sha256.update((byte) id.length);
        sha256.update(id);
        sha256.update(panHash);
        sha256.update(java.nio.ByteBuffer.allocate(8).putLong(sequence).array());
        java.nio.ByteBuffer digest = java.nio.ByteBuffer.wrap(sha256.digest());
        long hi = digest.getLong();
        long lo = digest.getLong();
        return hi == 0 && lo == 0 ? new TransferId(0, 1) : new TransferId(hi, lo);
    }

    private static void requireBank(Participant caller) {
        Access.requireRole(caller, caller.role() == Role.BANK, "run Onay fares and validators; only the issuing bank may");
    }
}
