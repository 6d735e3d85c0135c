package org.dtenge.programs;

import java.util.Optional;

/**
 * The contract templates. A contract is one of these with its parameters and a condition in CEL; the
 * numbers are CREATE_POLICY template numbers in the journal and never change meaning. They start at
 * 100 so that the ledger's built-in templates keep theirs.
 */
public enum ContractTemplate {
    /**
     * Purpose-bound money: the carrier may be debited (and, if asked, credited) only when the
     * condition holds. School meals, earmarked budget money, sponsor pools.
     */
    GATE(100),
    /**
     * Tax at the moment of payment: when the carrier (a VAT-paying merchant) is credited and the
     * condition holds, the tax share of the tax-inclusive amount moves on to the budget account as a
     * linked leg; a refund (a debit with the refund purpose) takes the same share back.
     */
    TAX_SPLIT(101),
    /**
     * A sponsor's reward pool (move-to-earn): the carrier pays out only rewards, transfers with the
     * reward purpose, each at most the daily cap, and only where the condition holds; anyone may fund it.
     */
    REWARD_POOL(102);

    public final int code;

    ContractTemplate(int code) {
        this.code = code;
    }

    public static Optional<ContractTemplate> of(int code) {
        for (ContractTemplate template : values()) {
            if (template.code == code) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }
}
