package org.dtenge.programs;

import org.dtenge.ledger.Legs;
import org.dtenge.ledger.Policy;
import org.dtenge.ledger.PolicyContext;
import org.dtenge.ledger.PolicyTemplates;

/**
 * {@link ContractTemplate#REWARD_POOL}: move-to-earn. The node computes rewards from the step counts
 * an app provider submits (one derived transfer id per wallet and day, so a day is paid at most
 * once); the ledger makes sure the pool can pay nothing else.
 *
 * <pre>
 * template params  7  reward, tiyn per 1,000 steps (10000 = 100 tenge... 100 = 1 tenge)
 *                  8  daily cap per wallet, tiyn
 *                  9  monthly cap per wallet, tiyn (the node enforces it over the month's days)
 *                 10  most steps a day that are plausible
 *                 11  the reward purpose code
 * </pre>
 */
final class RewardPoolPolicy implements Policy {
    private final Contracts.Deployed contract;
    private final Condition condition;
    private final TransferFacts facts;
    private final long dailyCap;
    private final int purpose;

    private RewardPoolPolicy(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        this.contract = contract;
        this.condition = condition;
        this.facts = facts;
        this.dailyCap = contract.paramLong(1);
        this.purpose = contract.param(4);
    }

    static PolicyTemplates.Instance create(Contracts.Deployed contract, Condition condition, TransferFacts facts) {
        for (int i = 0; i < 4; i++) {
            if (contract.paramLong(i) <= 0) {
                return new PolicyTemplates.InvalidParameters("reward, caps and plausible steps must be positive");
            }
        }
        if (contract.paramLong(2) < contract.paramLong(1)) {
            return new PolicyTemplates.InvalidParameters("the monthly cap must be at least the daily cap");
        }
        if (contract.paramLong(4) <= 0 || contract.paramLong(4) > Integer.MAX_VALUE || contract.paramLong(5) != 0) {
            return new PolicyTemplates.InvalidParameters("the reward purpose must be a positive code; parameter 12 unused");
        }
        return new PolicyTemplates.Created(new RewardPoolPolicy(contract, condition, facts));
    }

    @Override
    public int onDebit(PolicyContext transfer, Legs legs) {
        int status = Contracts.statusReason(contract);
        if (status != ALLOW) {
            return status;
        }
        if (transfer.purpose() != purpose) {
            return Reasons.NOT_A_REWARD;
        }
        if (transfer.amount() > dailyCap) {
            return Reasons.ABOVE_DAILY_CAP;
        }
        return switch (condition.evaluate(facts.of(transfer, true))) {
            case TRUE -> ALLOW;
            case FALSE -> Reasons.CONDITION_FALSE;
            case ERROR -> Reasons.CONDITION_ERROR;
        };
    }

    @Override
    public int onCredit(PolicyContext transfer, Legs legs) {
        return ALLOW; // a sponsor funds the pool like any account
    }
}
