package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random card traffic over TCP against a model: purchases, ATM withdrawals, holds, full, partial
 * and excessive completions, reversals (of anything, twice, or of nothing) and repeats. Each answer must
 * be the model's, and at the end every wallet's balance and held amount must be the model's. The seed is
 * printed; -Dcards.seed=N replays a run.
 */
class CardFlowsRandomTest {
    private static final int OPERATIONS = 300;
    private static final long PURCHASE_LIMIT = 1_000_000; // 10,000.00 on CardsFixture's cards
    private static final long ATM_LIMIT = 500_000;

    @TempDir
    Path dir;

    /** What the model knows of one transaction. */
    private static final class Txn {
        final int card;
        final String rrn;
        final boolean cash;
        final boolean hold;
        final long amount;
        long completed; // 0 until a completion is posted
        boolean released; // voided or refunded
        final List<String> story = new ArrayList<>();

        Txn(int card, String rrn, boolean cash, boolean hold, long amount) {
            this.card = card;
            this.rrn = rrn;
            this.cash = cash;
            this.hold = hold;
            this.amount = amount;
        }
    }

    private static final class Wallet {
        long balance = 2_000_000;
        long held;
        long cashUsed;

        long available() {
            return balance - held;
        }
    }

    @Test
    void randomTrafficMatchesTheModel() throws Exception {
        long seed = Long.getLong("cards.seed", System.nanoTime());
        System.out.println("CardFlowsRandomTest seed " + seed + " (replay with -Dcards.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        try (CardsFixture f = CardsFixture.start(dir, 3600)) {
            List<CardsFixture.Issued> cards = new ArrayList<>();
            List<Wallet> wallets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cards.add(f.card("full", "20000.00"));
                wallets.add(new Wallet());
            }
            Terminal pos = f.terminal(Terminal.Kind.POS, "POSRND01");
            Terminal atm = f.terminal(Terminal.Kind.ATM, "ATMRND01");
            List<Txn> txns = new ArrayList<>();
            for (int op = 0; op < OPERATIONS; op++) {
                String context = "seed " + seed + " operation " + op;
                int kind = txns.isEmpty() ? 0 : random.nextInt(6);
                switch (kind) {
                    case 0, 1 -> { // a new purchase, withdrawal or hold
                        int c = random.nextInt(cards.size());
                        boolean cash = random.nextInt(4) == 0;
                        boolean hold = !cash && random.nextBoolean();
                        long amount = 1 + random.nextLong(300_000);
                        Terminal t = cash ? atm : pos;
                        String rrn = t.newRrn();
                        Wallet w = wallets.get(c);
                        String expected = !cash && amount > PURCHASE_LIMIT ? "61"
                                : cash && w.cashUsed + amount > ATM_LIMIT ? "61"
                                : w.available() < amount ? "51" : "00";
                        IsoMessage answer = hold ? t.authorize(cards.get(c).pan(), amount, 398, rrn)
                                : t.pay(cards.get(c).pan(), amount, 398, rrn);
                        assertThat(answer.field(39)).as(context).contains(expected);
                        if (expected.equals("00")) {
                            Txn txn = new Txn(c, rrn, cash, hold, amount);
                            txn.story.add(op + ": " + (hold ? "hold " : cash ? "cash " : "buy ") + amount);
                            txns.add(txn);
                            if (hold) {
                                w.held += amount;
                            } else {
                                w.balance -= amount;
                            }
                            if (cash) {
                                w.cashUsed += amount;
                            }
                        }
                    }
                    case 2 -> { // complete a hold: in full, in part, too much, or again
                        Txn txn = txns.get(random.nextInt(txns.size()));
                        Wallet w = wallets.get(txn.card);
                        long amount = switch (random.nextInt(4)) {
                            case 0 -> txn.amount;
                            case 1 -> 1 + random.nextLong(txn.amount);
                            case 2 -> txn.amount + 1;
                            default -> txn.completed > 0 ? txn.completed : txn.amount;
                        };
                        String expected;
                        if (!txn.hold) {
                            expected = "25"; // a purchase has no hold to complete
                        } else if (txn.completed > 0) {
                            expected = amount == txn.completed ? "00" : "94";
                        } else if (txn.released) {
                            expected = "25";
                        } else if (amount > txn.amount) {
                            expected = "13";
                        } else {
                            expected = "00";
                            w.held -= txn.amount;
                            w.balance -= amount;
                            txn.completed = amount;
                        }
                        // From the transaction's own terminal: another terminal's RRN names another transaction.
                        Terminal t = txn.cash ? atm : pos;
                        IsoMessage answer = t.complete(cards.get(txn.card).pan(), amount, 398, txn.rrn);
                        assertThat(answer.field(39)).as(context + " completing " + txn.rrn + " with " + amount + " after "
                                + txn.story).contains(expected);
                        txn.story.add(op + ": complete " + amount + " -> " + expected);
                    }
                    case 3, 4 -> { // reverse anything, maybe again
                        Txn txn = txns.get(random.nextInt(txns.size()));
                        Wallet w = wallets.get(txn.card);
                        Terminal t = txn.cash ? atm : pos;
                        if (!txn.released) {
                            txn.released = true;
                            if (txn.hold && txn.completed == 0) {
                                w.held -= txn.amount;
                            } else {
                                long paid = txn.hold ? txn.completed : txn.amount;
                                w.balance += paid;
                            }
                            if (txn.cash) {
                                w.cashUsed -= txn.amount;
                            }
                        }
                        IsoMessage answer = t.reverse(cards.get(txn.card).pan(), txn.amount, 398, txn.rrn, random.nextBoolean());
                        assertThat(answer.field(39)).as(context + " reversing " + txn.rrn + " after " + txn.story).contains("00");
                        txn.story.add(op + ": reverse -> 00");
                    }
                    default -> { // reverse something that never happened
                        int c = random.nextInt(cards.size());
                        IsoMessage answer = pos.reverse(cards.get(c).pan(), 100, 398, pos.newRrn(), false);
                        assertThat(answer.field(39)).as(context).contains("25");
                    }
                }
            }
            for (int c = 0; c < cards.size(); c++) {
                var state = f.wallet(cards.get(c).wallet());
                assertThat(tiyn(state.get("balance"))).as("seed %d card %d balance", seed, c).isEqualTo(wallets.get(c).balance);
                assertThat(tiyn(state.get("held"))).as("seed %d card %d held", seed, c).isEqualTo(wallets.get(c).held);
            }
            pos.connection().close();
            atm.connection().close();
        }
    }

    private static long tiyn(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
