package org.dtenge.node.service;

import org.dtenge.ledger.Result;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;

/** The ledger's result codes as problems, with details in the words of the operation that was refused. */
final class LedgerProblems {
    private LedgerProblems() {}

    /** For a transfer, with the reason a program (an account's policy) gave when it declined. */
    static Problem transfer(Result result, int reason, String debit, String credit) {
        if (result == Result.POLICY_REJECTED) {
            return Problem.ledger(ProblemType.PROGRAM_DECLINED, "a program on " + debit + " or " + credit + " declined: "
                    + org.dtenge.programs.Reasons.describe(reason) + " (reason " + reason + ")", result);
        }
        return transfer(result, debit, credit);
    }

    /** For a transfer from {@code debit} to {@code credit} (addresses or names). */
    static Problem transfer(Result result, String debit, String credit) {
        return switch (result) {
            case INSUFFICIENT_FUNDS -> Problem.ledger(ProblemType.INSUFFICIENT_FUNDS,
                    "the available balance of " + debit + " is below the amount", result);
            case PAYMENT_LIMIT_EXCEEDED -> Problem.ledger(ProblemType.PAYMENT_LIMIT_EXCEEDED,
                    "the amount is above the per-payment limit of " + debit + "'s tier", result);
            case DAILY_LIMIT_EXCEEDED -> Problem.ledger(ProblemType.DAILY_LIMIT_EXCEEDED,
                    "the payment would take today's outflow of " + debit + " above its tier's daily limit", result);
            case HOLDING_LIMIT_EXCEEDED -> Problem.ledger(ProblemType.HOLDING_LIMIT_EXCEEDED,
                    "the balance of " + credit + " would be above its tier's holding limit", result);
            case DEBIT_ACCOUNT_FROZEN -> Problem.ledger(ProblemType.ACCOUNT_FROZEN, debit + " is frozen", result);
            case CREDIT_ACCOUNT_FROZEN -> Problem.ledger(ProblemType.ACCOUNT_FROZEN, credit + " is frozen", result);
            case DEBIT_ACCOUNT_CLOSED -> Problem.ledger(ProblemType.ACCOUNT_CLOSED, debit + " is closed", result);
            case CREDIT_ACCOUNT_CLOSED -> Problem.ledger(ProblemType.ACCOUNT_CLOSED, credit + " is closed", result);
            case DEBIT_ACCOUNT_NOT_FOUND -> Problem.ledger(ProblemType.ACCOUNT_NOT_FOUND, "no account " + debit, result);
            case CREDIT_ACCOUNT_NOT_FOUND -> Problem.ledger(ProblemType.ACCOUNT_NOT_FOUND, "no account " + credit, result);
            case EXISTS_WITH_DIFFERENT_FIELDS -> Problem.ledger(ProblemType.ID_CONFLICT,
                    "this id was used before for a transfer with other fields: choose a new id for a new transfer", result);
            case ACCOUNTS_MUST_BE_DIFFERENT -> Problem.ledger(ProblemType.NOT_PERMITTED,
                    "payer and payee are the same account", result);
            case ASSET_MISMATCH -> Problem.ledger(ProblemType.NOT_PERMITTED,
                    "the accounts do not both hold the asset of the transfer", result);
            default -> account(result, debit);
        };
    }

    /** For an operation on one account. */
    static Problem account(Result result, String account) {
        return switch (result) {
            case ACCOUNT_ALREADY_FROZEN -> Problem.ledger(ProblemType.ALREADY_FROZEN, account + " is already frozen", result);
            case ACCOUNT_NOT_FROZEN -> Problem.ledger(ProblemType.NOT_FROZEN, account + " is not frozen", result);
            case ACCOUNT_CLOSED -> Problem.ledger(ProblemType.ACCOUNT_CLOSED, account + " is closed", result);
            case ACCOUNT_NOT_FOUND -> Problem.ledger(ProblemType.ACCOUNT_NOT_FOUND, "no account " + account, result);
            case ACCOUNT_NOT_EMPTY -> Problem.ledger(ProblemType.BALANCE_CHANGED,
                    "the balance of " + account + " changed while it was being closed; repeat the request", result);
            case HOLDING_LIMIT_EXCEEDED -> Problem.ledger(ProblemType.HOLDING_LIMIT_EXCEEDED,
                    "the balance of " + account + " is above the holding limit of the new tier", result);
            case DAILY_LIMIT_EXCEEDED -> Problem.ledger(ProblemType.DAILY_LIMIT_EXCEEDED,
                    "today's outflow of " + account + " is above the daily limit of the new tier", result);
            case EXISTS_WITH_DIFFERENT_FIELDS -> Problem.ledger(ProblemType.ID_CONFLICT,
                    account + " exists with other settings", result);
            default -> Problem.ledger(ProblemType.LEDGER_REJECTED, "the ledger refused the event: " + result, result);
        };
    }
}
