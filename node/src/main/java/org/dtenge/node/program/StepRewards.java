package org.dtenge.node.program;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.chain.AccountFacts;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.service.Outcome;
import org.dtenge.node.service.Transfers;
import org.dtenge.programs.Contract;
import org.dtenge.programs.ContractStatus;

/**
 * Move-to-earn: the app provider that owns a reward pool submits a wallet's step count for a day,
 * in a request signed with its key; the reward is paid from the pool at once.
 *
 * <p>The rules: {@code steps / 1000 * rate}, at most the daily cap; at most the monthly cap over the
 * calendar month (the node sums the month's rewards, whose ids it can derive); a count above the
 * plausible maximum is refused; one reward per wallet and day, because the transfer id is derived
 * from the program, the wallet and the day (a repeat is answered DUPLICATE and moves nothing); a dry
 * pool refuses (insufficient funds) and pays nothing, not a part. The ledger itself lets the pool pay
 * only rewards within the daily cap ({@code RewardPoolPolicy}), whatever this code does. Counts for the
 * same wallet are decided one at a time, so concurrent ones cannot both fit under the monthly cap.
 */
final class StepRewards {
    private static final byte[] DOMAIN = "DTENGE-STEPS-1".getBytes(StandardCharsets.US_ASCII);
    /** A day's count may come late (the phone was offline), but not later than this. */
    static final int DAYS_LATE_MAX = 7;

    /** Locks striped by wallet: the month's sum and the payment that relies on it happen as one step. */
    private static final int STRIPES = 64;

    private final LedgerGate gate;
    private final Object[] stripes = new Object[STRIPES];

    StepRewards(LedgerGate gate) {
        this.gate = gate;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    static TransferId paymentId(int program, AccountId wallet, LocalDate day) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(DOMAIN);
        sha256.update(ByteBuffer.allocate(28).putInt(program).putLong(wallet.hi()).putLong(wallet.lo())
                .putLong(day.toEpochDay()).array());
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        long hi = digest.getLong();
        long lo = digest.getLong();
        return new TransferId(hi, hi == 0 && lo == 0 ? 1 : lo);
    }

    /** Template parameters of a reward pool: rate, daily cap, monthly cap, plausible maximum, purpose. */
    Outcome<Reward> submit(Contract contract, AccountId pool, AccountFacts wallet, LocalDate day, long steps, LocalDate today) {
        List<Long> p = contract.parameters();
        long rate = p.get(0);
        long dailyCap = p.get(1);
        long monthlyCap = p.get(2);
        long plausible = p.get(3);
        int purpose = (int) (long) p.get(4);
        if (contract.status() != ContractStatus.ACTIVE) {
            return Outcome.refused(Problem.of(ProblemType.PROGRAM_STATUS_CONFLICT, "program " + contract.id() + " is "
                    + contract.status()));
        }
        if (steps < 0 || steps > plausible) {
            return Outcome.refused(Problem.of(ProblemType.IMPLAUSIBLE_STEPS, steps + " steps in a day is not plausible;"
                    + " the program accepts 0 to " + plausible));
        }
        if (day.isAfter(today) || day.isBefore(today.minusDays(DAYS_LATE_MAX))) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "day must be today or one of the " + DAYS_LATE_MAX
                    + " days before it (Almaty time), not " + day);
        }
        TransferId id = paymentId(contract.id(), wallet.id(), day);
        long earned = Math.min(steps / 1000 * rate, dailyCap);
        // Two counts for the same wallet (other days of the month) must not both pass the monthly cap on
        // the same earlier sum: the sum and the payment are serialized per wallet.
        synchronized (stripes[Math.floorMod(wallet.id().hashCode(), STRIPES)]) {
            return pay(contract, pool, wallet, day, id, earned, monthlyCap, purpose);
        }
    }

    private Outcome<Reward> pay(Contract contract, AccountId pool, AccountFacts wallet, LocalDate day, TransferId id,
                                long earned, long monthlyCap, int purpose) {
        long earlier = earnedThisMonth(contract.id(), wallet.id(), day);
        if (earlier < 0) {
            return Outcome.done(new Reward(id, 0, Reward.Outcome.DUPLICATE), false);
        }
        long reward = Math.min(earned, monthlyCap - earlier);
        if (reward <= 0) {
            return Outcome.done(new Reward(id, 0, earned == 0 ? Reward.Outcome.NOTHING_DUE : Reward.Outcome.MONTHLY_CAP), true);
        }
        EventBatch events = new EventBatch(1);
        events.transfer(id.hi(), id.lo(), pool.hi(), pool.lo(), wallet.id().hi(), wallet.id().lo(), reward, Transfers.DT,
                0, 0, 0, 0, day.toEpochDay(), purpose, 0);
        Result result = gate.submit(events).results().result(0);
        return switch (result) {
            case OK -> Outcome.done(new Reward(id, reward, Reward.Outcome.PAID), true);
            case EXISTS, EXISTS_WITH_DIFFERENT_FIELDS -> Outcome.done(new Reward(id, 0, Reward.Outcome.DUPLICATE), false);
            case INSUFFICIENT_FUNDS -> Outcome.refused(Problem.ledger(ProblemType.INSUFFICIENT_FUNDS,
                    "the reward pool " + pool.address() + " has run dry; nothing was paid", result));
            default -> Outcome.refused(Problem.ledger(ProblemType.LEDGER_REJECTED, "the ledger refused the reward: " + result,
                    result));
        };
    }

    /** Rewards paid to {@code wallet} in {@code day}'s month before; -1 when {@code day} itself was paid. */
    private long earnedThisMonth(int program, AccountId wallet, LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        int days = day.lengthOfMonth();
        return gate.read(ledger -> {
            long sum = 0;
            for (int d = 0; d < days; d++) {
                LocalDate date = first.plusDays(d);
                TransferId id = paymentId(program, wallet, date);
                Optional<Transfer> paid = ledger.transfer(id.hi(), id.lo());
                if (paid.isPresent()) {
                    if (date.equals(day)) {
                        return -1L;
                    }
                    sum += paid.get().amount();
                }
            }
            return sum;
        });
    }
}
