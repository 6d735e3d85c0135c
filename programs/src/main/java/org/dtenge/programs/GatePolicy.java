package org.dtenge.programs;

import org.dtenge.ledger.Legs;
import org.dtenge.ledger.Policy;
import org.dtenge.ledger.PolicyContext;
import org.dtenge.ledger.PolicyTemplates;

/**
 * {@link ContractTemplate#GATE}: the carrier's money moves only when the condition holds.
 *
 * <pre>
 * template params  7  sides governed: 1 = debits, 2 = credits, 3 = both
 *                  8  return account, high half  (0, 0: none)
 *                  9  return account, low half
 * </pre>
 *
 * A debit to the return account (the funder's, say the city's) is always allowed, even when the
 * contract is paused or retired, so that unspent money can always go home. Holds are decided like
 * transfers, so a hold the condition refuses is refused at once rather than at posting.
 */
final class GatePolicy implements Policy {
    static final int DEBITS = 1;
    static final int CREDITS = 2;

    private final Contracts.Deployed contract;
    private final Condition condition;
    private final TransferFacts facts;
    private final int sides;
    private final long returnHi;
    private final long returnLo;

    private GatePolicy(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        this.contract = contract;
        this.condition = condition;
        this.facts = facts;
        this.sides = contract.param(0);
        this.returnHi = contract.paramLong(1);
        this.returnLo = contract.paramLong(2);
    }

    static PolicyTemplates.Instance create(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        int sides = contract.param(0);
        if (sides < DEBITS || sides > (DEBITS | CREDITS) || contract.paramLong(0) != sides) {
            return new PolicyTemplates.InvalidParameters("sides must be 1 (debits), 2 (credits) or 3 (both)");
        }
        for (int i = 3; i < Contracts.TEMPLATE_PARAMS; i++) {
            if (contract.paramLong(i) != 0) {
                return new PolicyTemplates.InvalidParameters("unused gate parameters must be zero");
            }
        }
        return new PolicyTemplates.Created(new GatePolicy(contract, condition, facts));
    }

    @Override
    public int onDebit(PolicyContext transfer, Legs legs) {
        if ((sides & DEBITS) == 0) {
            return ALLOW;
        }
        if ((returnHi != 0 || returnLo != 0) && transfer.creditHi() == returnHi && transfer.creditLo() == returnLo) {
            return ALLOW;
        }
        return decide(transfer, true);
    }

    @Override
    public int onCredit(PolicyContext transfer, Legs legs) {
        return (sides & CREDITS) == 0 ? ALLOW : decide(transfer, false);
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
