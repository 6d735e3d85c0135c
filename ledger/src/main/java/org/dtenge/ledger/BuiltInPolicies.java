package org.dtenge.ledger;

/**
 * The policy templates the ledger knows by itself; enough to exercise the hook. Richer programmable
 * money (conditions in CEL, contract templates) lives in the programs module.
 *
 * <ul>
 *   <li>{@value #REVENUE_SPLIT}: revenue split. When the carrier is credited, a share of the amount
 *       ({@code params[2]} basis points, rounded down) moves on from the carrier to the beneficiary
 *       account {@code (params[0], params[1])} as a linked leg, with purpose code {@code params[3]}.
 *   <li>{@value #COUNTERPARTY_KINDS}: allowed counterparties. The carrier may pay only accounts whose
 *       kind is in the bit set {@code params[0]} (bit {@code 1 << kind.code}); otherwise the debit is
 *       declined with reason {@value #REASON_COUNTERPARTY_NOT_ALLOWED}.
 * </ul>
 */
public final class BuiltInPolicies implements PolicyTemplates {
    public static final int REVENUE_SPLIT = 1;
    public static final int COUNTERPARTY_KINDS = 2;
    public static final int REASON_COUNTERPARTY_NOT_ALLOWED = 1;

    private static final long BASIS_POINTS = 10_000;

    @Override
    public Instance create(int template, long[] params) {
        return switch (template) {
            case REVENUE_SPLIT -> revenueSplit(params);
            case COUNTERPARTY_KINDS -> counterpartyKinds(params);
            default -> new UnknownTemplate();
        };
    }

    private static Instance revenueSplit(long[] params) {
        long beneficiaryHi = params[0];
        long beneficiaryLo = params[1];
        long basisPoints = params[2];
        int purpose = (int) params[3];
        if (beneficiaryHi == 0 && beneficiaryLo == 0) {
            return new InvalidParameters("beneficiary account must not be zero");
        }
        if (basisPoints < 0 || basisPoints > BASIS_POINTS) {
            return new InvalidParameters("basis points must be 0..10000");
        }
        return new Created(new RevenueSplit(beneficiaryHi, beneficiaryLo, basisPoints, purpose));
    }

    private static Instance counterpartyKinds(long[] params) {
        long allowed = params[0];
        if (allowed == 0 || (allowed & 1) != 0 || allowed >>> (AccountKind.values().length + 1) != 0) {
            return new InvalidParameters("allowed kinds must be a non-empty set of account kind bits");
        }
        return new Created(new CounterpartyKinds(allowed));
    }

    private record RevenueSplit(long beneficiaryHi, long beneficiaryLo, long basisPoints, int purpose)
            implements Policy {
        @Override
        public int onDebit(PolicyContext transfer, Legs legs) {
            return ALLOW;
        }

        @Override
        public int onCredit(PolicyContext transfer, Legs legs) {
            // Multiply before dividing to round once, downwards; amount <= Long.MAX_VALUE / 10_000
            // would be needed to avoid overflow, so divide first when the amount is large.
            long amount = transfer.amount();
            long share = amount <= Long.MAX_VALUE / BASIS_POINTS
                    ? amount * basisPoints / BASIS_POINTS
                    : amount / BASIS_POINTS * basisPoints;
            legs.add(transfer.creditHi(), transfer.creditLo(), beneficiaryHi, beneficiaryLo, share, purpose);
            return ALLOW;
        }
    }

    private record CounterpartyKinds(long allowed) implements Policy {
        @Override
        public int onDebit(PolicyContext transfer, Legs legs) {
            long bit = 1L << transfer.creditKind().code;
            return (allowed & bit) != 0 ? ALLOW : REASON_COUNTERPARTY_NOT_ALLOWED;
        }

        @Override
        public int onCredit(PolicyContext transfer, Legs legs) {
            return ALLOW;
        }
    }
}
