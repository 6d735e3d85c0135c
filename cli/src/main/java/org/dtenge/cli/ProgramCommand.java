package org.dtenge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dtenge program ...}: programmable money. Deploy contracts (gate, tax-split, reward-pool) with
 * CEL conditions, enrol wallets, pause, resume, retire, and the four uses' views and actions: spending
 * per school, tax statements, the earmarked money's flow tree, step rewards; schedules and escrow.
 */
@Command(name = "program", mixinStandardHelpOptions = true, description = "Programmable money: contracts, schedules, escrow.",
        subcommands = {ProgramCommand.Deploy.class, ProgramCommand.ListAll.class, ProgramCommand.Show.class,
                ProgramCommand.Pause.class, ProgramCommand.Resume.class, ProgramCommand.Retire.class,
                ProgramCommand.Enrol.class, ProgramCommand.Spending.class, ProgramCommand.Statement.class,
                ProgramCommand.Flow.class, ProgramCommand.Steps.class, ProgramCommand.Sweep.class,
                ProgramCommand.Schedule.class, ProgramCommand.Schedules.class, ProgramCommand.Escrow.class,
                ProgramCommand.Release.class, ProgramCommand.Refund.class, ProgramCommand.Legs.class,
                ProgramCommand.SchoolMeals.class, ProgramCommand.Earmark.class, ProgramCommand.Allowance.class})
final class ProgramCommand {
    private ProgramCommand() {}

    /** Every program command acts as one participant against one node. */
    abstract static class Act implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "The participant acting, e.g. almaty, src, halyk.")
        String as;

        NodeClient client() {
            return connection.as(as);
        }

        String address(String nameOrAddress) {
            return connection.network().wallet(nameOrAddress).address();
        }

        void print(JsonNode answer) {
            System.out.println(NodeClient.pretty(answer));
        }
    }

    /** A command on one program: its id. */
    abstract static class OnProgram extends Act {
        @Parameters(index = "0", description = "The program's id.")
        int id;
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy a contract; the condition is type-checked first.")
    static final class Deploy extends Act {
        @Option(names = "--template", required = true, description = "gate, tax-split or reward-pool.")
        String template;

        @Option(names = "--name", required = true, description = "One line, e.g. \"School meals, Almaty\".")
        String name;

        @Option(names = "--condition", required = true, description = "CEL, e.g. \"credit in ['DT..'] && weekday <= 5\".")
        String condition;

        @Option(names = "--sides", description = "gate: debits (default), credits or both.")
        String sides;

        @Option(names = "--return-account", description = "gate: where unspent money may always go (address or name).")
        String returnAccount;

        @Option(names = "--rate", description = "tax-split: basis points, 1200 = 12 %.")
        Long rate;

        @Option(names = "--rounding", description = "tax-split: half-up (default), down or up.")
        String rounding;

        @Option(names = "--budget-account", description = "tax-split: the budget account (address or name, e.g. src).")
        String budget;

        @Option(names = "--tax-purpose", description = "tax-split: purpose code of the tax legs.")
        Integer taxPurpose;

        @Option(names = "--refund-purpose", description = "tax-split: purpose code that marks refunds.")
        Integer refundPurpose;

        @Option(names = "--reward-per-1000-steps", description = "reward-pool: tenge per 1,000 steps, e.g. 1.00.")
        String reward;

        @Option(names = "--daily-cap", description = "reward-pool: tenge per wallet and day.")
        String dailyCap;

        @Option(names = "--monthly-cap", description = "reward-pool: tenge per wallet and month.")
        String monthlyCap;

        @Option(names = "--plausible-steps", description = "reward-pool: the most steps a day accepted.")
        Long plausible;

        @Option(names = "--reward-purpose", description = "reward-pool: purpose code of rewards.")
        Integer rewardPurpose;

        @Override
        public void run() {
            ObjectNode body = NodeClient.JSON.createObjectNode().put("template", template).put("name", name)
                    .put("condition", condition);
            if (sides != null) {
                body.put("sides", sides);
            }
            if (returnAccount != null) {
                body.put("returnAccount", address(returnAccount));
            }
            if (rate != null) {
                body.put("rateBasisPoints", rate);
            }
            if (rounding != null) {
                body.put("rounding", rounding);
            }
            if (budget != null) {
                body.put("budgetAccount", address(budget));
            }
            if (taxPurpose != null) {
                body.put("taxPurpose", taxPurpose);
            }
            if (refundPurpose != null) {
                body.put("refundPurpose", refundPurpose);
            }
            if (reward != null) {
                body.put("rewardPer1000Steps", reward).put("dailyCap", dailyCap).put("monthlyCap", monthlyCap)
                        .put("plausibleStepsMax", plausible).put("rewardPurpose", rewardPurpose);
            }
            print(client().post("/v1/programs", body));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every program.")
    static final class ListAll extends Act {
        @Override
        public void run() {
            print(client().get("/v1/programs"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One program.")
    static final class Show extends OnProgram {
        @Override
        public void run() {
            print(client().get("/v1/programs/" + id));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a program (its owner).")
    static final class Pause extends OnProgram {
        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/pause", NodeClient.JSON.createObjectNode()));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused program (its owner).")
    static final class Resume extends OnProgram {
        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/resume", NodeClient.JSON.createObjectNode()));
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire a program for good (its owner).")
    static final class Retire extends OnProgram {
        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/retire", NodeClient.JSON.createObjectNode()));
        }
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Open the account that carries the program for a wallet's owner (an allowance, a VAT account, a pool).")
    static final class Enrol extends OnProgram {
        @Option(names = "--wallet", required = true, description = "The wallet: address or genesis name.")
        String wallet;

        @Option(names = "--daily-limit", description = "Tenge a day the account may pay out (a daily allowance cap).")
        String dailyLimit;

        @Override
        public void run() {
            ObjectNode body = NodeClient.JSON.createObjectNode().put("wallet", address(wallet));
            if (dailyLimit != null) {
                body.put("dailyLimit", dailyLimit);
            }
            print(client().post("/v1/programs/" + id + "/accounts", body));
        }
    }

    @Command(name = "spending", mixinStandardHelpOptions = true, description = "What the program's accounts paid, per payee (per school).")
    static final class Spending extends OnProgram {
        @Override
        public void run() {
            print(client().get("/v1/programs/" + id + "/spending"));
        }
    }

    @Command(name = "statement", mixinStandardHelpOptions = true, description = "A tax program's statement for a merchant account.")
    static final class Statement extends OnProgram {
        @Option(names = "--merchant", required = true, description = "The VAT-collecting merchant account.")
        String merchant;

        @Override
        public void run() {
            print(client().get("/v1/programs/" + id + "/statement?merchant=" + address(merchant)));
        }
    }

    @Command(name = "flow", mixinStandardHelpOptions = true, description = "Where a program's money went, as a tree.")
    static final class Flow extends OnProgram {
        @Override
        public void run() {
            print(client().get("/v1/programs/" + id + "/flow"));
        }
    }

    @Command(name = "steps", mixinStandardHelpOptions = true, description = "Submit a wallet's step count for a day (the app provider).")
    static final class Steps extends OnProgram {
        @Option(names = "--wallet", required = true, description = "The walker's wallet.")
        String wallet;

        @Option(names = "--day", required = true, description = "The day, e.g. 2026-11-25.")
        String day;

        @Option(names = "--steps", required = true, description = "Steps walked that day.")
        long steps;

        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/steps", NodeClient.JSON.createObjectNode()
                    .put("wallet", address(wallet)).put("day", day).put("steps", steps)));
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Schedule the sweep of the program's accounts to its return account (the period's end).")
    static final class Sweep extends OnProgram {
        @Option(names = "--at", required = true, description = "When, e.g. 2026-12-31T13:00:00Z.")
        String at;

        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/sweeps", NodeClient.JSON.createObjectNode().put("at", at)));
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = "Schedule payments from the participant's own account (a monthly benefit, a standing order).")
    static final class Schedule extends Act {
        @Option(names = "--to", required = true, description = "The payee: address or genesis name.")
        String to;

        @Option(names = "--amount", required = true, description = "Tenge per payment.")
        String amount;

        @Option(names = "--first", required = true, description = "The first payment's time, e.g. 2026-12-01T04:00:00Z.")
        String first;

        @Option(names = "--interval-seconds", defaultValue = "0", description = "Seconds between payments.")
        int interval;

        @Option(names = "--count", defaultValue = "1", description = "How many payments (default ${DEFAULT-VALUE}).")
        int count;

        @Override
        public void run() {
            print(client().post("/v1/schedules", NodeClient.JSON.createObjectNode().put("to", address(to))
                    .put("amount", amount).put("first", first).put("intervalSeconds", interval).put("count", count)));
        }
    }

    @Command(name = "schedules", mixinStandardHelpOptions = true, description = "The participant's schedules.")
    static final class Schedules extends Act {
        @Override
        public void run() {
            print(client().get("/v1/schedules"));
        }
    }

    @Command(name = "escrow", mixinStandardHelpOptions = true,
            description = "Hold a payment, signed by the payer, until released, refunded or timed out.")
    static final class Escrow extends Act {
        @Option(names = "--from", required = true, description = "Payer wallet: address or genesis name.")
        String from;

        @Option(names = "--key", description = "The payer's private key file (default: <data-dir>/keys/<from>.key).")
        Path key;

        @Option(names = "--to", required = true, description = "Payee wallet.")
        String to;

        @Option(names = "--amount", required = true, description = "Tenge.")
        String amount;

        @Option(names = "--timeout-seconds", required = true, description = "Refunded by the ledger after this.")
        int timeout;

        @Override
        public void run() {
            AccountId payer = connection.network().wallet(from);
            AccountId payee = connection.network().wallet(to);
            SigningKey payerKey = Keys.readPrivate(key != null ? key : connection.keys().resolve(from + ".key"));
            TransferId id = TransferId.random(new SecureRandom());
            long expiresAt = System.currentTimeMillis() + 5 * 60_000;
            PaymentOrder order = new PaymentOrder(id, payer, payee, Amounts.tiyn(amount), 1, 0, Reference.NONE, expiresAt);
            print(client().post("/v1/escrows", NodeClient.JSON.createObjectNode().put("id", id.hex())
                    .put("payer", payer.address()).put("payee", payee.address()).put("amount", amount)
                    .put("expiresAt", expiresAt).put("signature", Base64Url.encode(order.sign(payerKey)))
                    .put("timeoutSeconds", timeout)));
        }
    }

    /** A command on one escrow or payment: its id. */
    abstract static class OnEscrow extends Act {
        @Parameters(index = "0", description = "The escrow's id (32 hex digits).")
        String id;
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Release an escrow to the payee (the payer's servicer).")
    static final class Release extends OnEscrow {
        @Override
        public void run() {
            print(client().post("/v1/escrows/" + id + "/release", NodeClient.JSON.createObjectNode()));
        }
    }

    @Command(name = "refund", mixinStandardHelpOptions = true, description = "Refund an escrow to the payer (the payee's servicer).")
    static final class Refund extends OnEscrow {
        @Override
        public void run() {
            print(client().post("/v1/escrows/" + id + "/refund", NodeClient.JSON.createObjectNode()));
        }
    }

    @Command(name = "legs", mixinStandardHelpOptions = true, description = "The legs programs added to a payment (a tax share).")
    static final class Legs extends OnEscrow {
        @Override
        public void run() {
            print(client().get("/v1/payments/" + id + "/legs"));
        }
    }

    @Command(name = "school-meals", mixinStandardHelpOptions = true,
            description = "Deploy a school-meals allowance: only at the canteens, only on school days (not weekends or holidays).")
    static final class SchoolMeals extends Act {
        @Option(names = "--name", defaultValue = "School meals", description = "The program's name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--canteen", required = true, description = "A canteen's wallet (address or genesis name); repeat.")
        java.util.List<String> canteens;

        @Option(names = "--holiday", description = "A day without school, e.g. 2026-12-16; repeat.")
        java.util.List<String> holidays = new java.util.ArrayList<>();

        @Option(names = "--return-account", required = true, description = "Where unspent allowances go (the city).")
        String returnAccount;

        @Override
        public void run() {
            StringBuilder condition = new StringBuilder("credit in [");
            for (int i = 0; i < canteens.size(); i++) {
                condition.append(i == 0 ? "'" : ", '").append(address(canteens.get(i))).append('\'');
            }
            condition.append("] && weekday <= 5");
            if (!holidays.isEmpty()) {
                condition.append(" && !(day in [");
                for (int i = 0; i < holidays.size(); i++) {
                    condition.append(i == 0 ? "" : ", ").append(day(holidays.get(i)));
                }
                condition.append("])");
            }
            print(client().post("/v1/programs", NodeClient.JSON.createObjectNode().put("template", "gate").put("name", name)
                    .put("condition", condition.toString()).put("returnAccount", address(returnAccount))));
        }

        private static long day(String text) {
            try {
                return java.time.LocalDate.parse(text).toEpochDay();
            } catch (java.time.format.DateTimeParseException e) {
                throw new CliException("a holiday is a date such as 2026-12-16, not \"" + text + "\"", 2);
            }
        }
    }

    @Command(name = "earmark", mixinStandardHelpOptions = true,
            description = "Deploy one level of an earmarked budget: its money may go only to the next level's program"
                    + " (or, for the last level, to merchants), within the purpose codes.")
    static final class Earmark extends Act {
        @Option(names = "--name", required = true, description = "e.g. \"Railway: contractors\".")
        String name;

        @Option(names = "--next-program", description = "The program of the next level (contractors, subcontractors); none for the last.")
        Integer next;

        @Option(names = "--purpose", required = true, description = "An allowed purpose code; repeat.")
        java.util.List<Integer> purposes;

        @Option(names = "--return-account", description = "Where money may always go back (the funder).")
        String returnAccount;

        @Override
        public void run() {
            StringBuilder codes = new StringBuilder();
            for (int code : purposes) {
                codes.append(codes.length() == 0 ? "" : ", ").append(code);
            }
            String condition = (next == null ? "credit_kind == 'MERCHANT'" : "credit_program == " + next)
                    + " && purpose in [" + codes + "]";
            ObjectNode body = NodeClient.JSON.createObjectNode().put("template", "gate").put("name", name)
                    .put("condition", condition);
            if (returnAccount != null) {
                body.put("returnAccount", address(returnAccount));
            }
            print(client().post("/v1/programs", body));
        }
    }

    @Command(name = "allowance", mixinStandardHelpOptions = true,
            description = "Schedule a program's allowance: every enrolled account receives the amount from the owner's account.")
    static final class Allowance extends OnProgram {
        @Option(names = "--amount", required = true, description = "Tenge per account and occurrence.")
        String amount;

        @Option(names = "--first", required = true, description = "The first occurrence, e.g. 2026-12-01T01:00:00Z.")
        String first;

        @Option(names = "--interval-seconds", defaultValue = "86400", description = "Seconds between occurrences (default ${DEFAULT-VALUE}).")
        int interval;

        @Option(names = "--count", defaultValue = "1", description = "How many occurrences (default ${DEFAULT-VALUE}).")
        int count;

        @Override
        public void run() {
            print(client().post("/v1/programs/" + id + "/allowances", NodeClient.JSON.createObjectNode().put("amount", amount)
                    .put("first", first).put("intervalSeconds", interval).put("count", count)));
        }
    }
}
