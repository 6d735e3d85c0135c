package org.dtenge.programs;

import java.math.BigInteger;
import java.math.RoundingMode;
import org.dtenge.ledger.Legs;
import org.dtenge.ledger.Policy;
import org.dtenge.ledger.PolicyContext;
import org.dtenge.ledger.PolicyTemplates;

/**
 * {@link ContractTemplate#TAX_SPLIT}: VAT collected at the moment of payment. Prices are
 * tax-inclusive, so the tax in an amount {@code A} at rate {@code r} basis points is
 * {@code A * r / (10000 + r)}, rounded by the contract's rule.
 *
 * <pre>
 * template params  7  rate, basis points (1200 = 12 %), 0..10000
 *                  8  rounding: 0 = half up, 1 = down, 2 = up
 *                  9  budget account, high half (the State Revenue Committee's)
 *                 10  budget account, low half
 *                 11  purpose code of the tax legs
 *                 12  refund purpose code: a debit of the merchant with it takes the tax back
 * </pre>
 *
 * A credit of the merchant for which the condition holds (for example {@code credit_kind == "MERCHANT"
 * && debit_kind == "RETAIL"}) adds the leg merchant to budget. A debit with the refund purpose adds
 * the leg budget to merchant of the tax in the refunded amount, so a full refund reverses both legs
 * exactly. Other debits (the merchant paying its suppliers) are not its business.
 */
final class TaxSplitPolicy implements Policy {
    static final int HALF_UP = 0;
    static final int DOWN = 1;
    static final int UP = 2;
    private static final long BASIS_POINTS = 10_000;

    private final Contracts.Deployed contract;
    private final Condition condition;
    private final TransferFacts facts;
    private final long rate;
    private final int rounding;
    private final long budgetHi;
    private final long budgetLo;
    private final int taxPurpose;
    private final int refundPurpose;

    private TaxSplitPolicy(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        this.contract = contract;
        this.condition = condition;
        this.facts = facts;
        this.rate = contract.paramLong(0);
        this.rounding = contract.param(1);
        this.budgetHi = contract.paramLong(2);
        this.budgetLo = contract.paramLong(3);
        this.taxPurpose = contract.param(4);
        this.refundPurpose = contract.param(5);
    }

    static PolicyTemplates.Instance create(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        long rate = contract.paramLong(0);
        long rounding = contract.paramLong(1);
        if (rate < 0 || rate > BASIS_POINTS) {
            return new PolicyTemplates.InvalidParameters("rate must be 0..10000 basis points");
        }
        if (rounding < HALF_UP || rounding > UP) {
            return new PolicyTemplates.InvalidParameters("rounding must be 0 (half up), 1 (down) or 2 (up)");
        }
        if (contract.paramLong(2) == 0 && contract.paramLong(3) == 0) {
            return new PolicyTemplates.InvalidParameters("the budget account must not be zero");
        }
        for (int i = 4; i <= 5; i++) {
            if (contract.paramLong(i) < 0 || contract.paramLong(i) > Integer.MAX_VALUE) {
                return new PolicyTemplates.InvalidParameters("purpose codes are 0..2^31-1");
            }
        }
        return new PolicyTemplates.Created(new TaxSplitPolicy(contract, condition, facts));
    }

    /** The tax inside a tax-inclusive {@code amount}. */
    static long taxOf(long amount, long rate, int rounding) {
        long denominator = BASIS_POINTS + rate;
        if (amount <= Long.MAX_VALUE / BASIS_POINTS) {
            long numerator = amount * rate;
            long quotient = numerator / denominator;
            long remainder = numerator % denominator;
            return switch (rounding) {
                case DOWN -> quotient;
                case UP -> quotient + (remainder > 0 ? 1 : 0);
                default -> quotient + (2 * remainder >= denominator ? 1 : 0);
            };
        }
        // Amounts above 9.2e14 tenge do not occur, but the arithmetic must still be exact.
        RoundingMode mode = switch (rounding) {
            case DOWN -> RoundingMode.DOWN;
            case UP -> RoundingMode.UP;
            default -> RoundingMode.HALF_UP;
        };
        return new java.math.BigDecimal(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rate)))
                .divide(java.math.BigDecimal.valueOf(denominator), 0, mode).longValueExact();
    }

    @Override
    public int onCredit(PolicyContext transfer, Legs legs) {
        int verdict = decide(transfer, false);
        if (verdict == ALLOW) {
            legs.add(transfer.creditHi(), transfer.creditLo(), budgetHi, budgetLo,
                    taxOf(transfer.amount(), rate, rounding), taxPurpose);
        }
        return verdict == Reasons.CONDITION_FALSE ? ALLOW : verdict; // no tax where the condition says none
    }

    @Override
    public int onDebit(PolicyContext transfer, Legs legs) {
        if (refundPurpose == 0 || transfer.purpose() != refundPurpose) {
            return ALLOW;
        }
        int status = Contracts.statusReason(contract);
        if (status != ALLOW) {
            return status;
        }
        legs.add(budgetHi, budgetLo, transfer.debitHi(), transfer.debitLo(),
                taxOf(transfer.amount(), rate, rounding), taxPurpose);
        return ALLOW;
    }

    private int decide(PolicyContext transfer, boolean debitSide) {
        int status = Contracts.statusReason(contract);
        if (status != ALLOW) {
            return status;
        }
        return switch (condition.evaluate(facts.of(transfer, debitSide))) {
            case TRUE -> ALLOW;
            case FALSE -> Reasons.CONDITION_FALSE;
            case ERROR -> Reasons.CONDITION_ERROR;
        };
    }
}
