package org.dtenge.node.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.program.Deployment;
import org.dtenge.node.program.Programs;
import org.dtenge.node.program.Spending;
import org.dtenge.node.program.Statement;
import org.dtenge.programs.Contract;
import org.dtenge.programs.ContractStatus;
import org.dtenge.programs.ContractTemplate;
import org.dtenge.programs.Schedule;

/**
 * Programmable money: POST/GET /v1/programs, GET /v1/programs/{id}, POST /v1/programs/{id}/pause,
 * /resume, /retire, POST /v1/programs/{id}/accounts (enrol a wallet), GET /v1/programs/{id}/spending
 * GET /v1/programs/{id}/statement?merchant=, POST /v1/programs/{id}/sweeps, and POST/GET /v1/schedules.
 */
final class ProgramEndpoints {
    private final Programs programs;

    ProgramEndpoints(Programs programs) {
        this.programs = programs;
    }

    /**
     * A deployment. {@code template} is "gate" or "tax-split". A gate takes {@code sides} ("debits",
     * "credits", "both") and an optional {@code returnAccount}; a tax split takes {@code rateBasisPoints},
     * {@code rounding} ("half-up", "down", "up"), {@code budgetAccount}, {@code taxPurpose} and
     * {@code refundPurpose}.
     */
    record DeployRequest(String template, String name, String condition, Optional<String> sides,
                         Optional<String> returnAccount, Optional<Long> rateBasisPoints, Optional<String> rounding,
                         Optional<String> budgetAccount, Optional<Integer> taxPurpose, Optional<Integer> refundPurpose,
                         Optional<String> rewardPer1000Steps, Optional<String> dailyCap, Optional<String> monthlyCap,
                         Optional<Long> plausibleStepsMax, Optional<Integer> rewardPurpose) {}

    record FlowNodeView(String account, Optional<Integer> program, String received, long payments, String balance,
                        List<FlowNodeView> paid) {}

    record FlowView(int program, List<FlowNodeView> accounts) {}

    static FlowNodeView view(org.dtenge.node.program.FlowTree.Node n) {
        return new FlowNodeView(n.account(), n.program() == 0 ? Optional.empty() : Optional.of(n.program()),
                Tenge.format(n.receivedTiyn()), n.payments(), Tenge.format(n.balanceTiyn()),
                n.paid().stream().map(ProgramEndpoints::view).toList());
    }

    record LegView(String id, String debit, String credit, String amount, int purpose) {}

    record LegList(String payment, List<LegView> legs) {}

    record StepsRequest(String wallet, String day, Long steps) {}

    record RewardView(int program, String wallet, String day, String payment, String reward, String outcome) {}

    record ProgramView(int id, String template, String name, String condition, long owner, long version, String status,
                       List<Long> parameters, String documentHash) {}

    record ProgramList(List<ProgramView> programs) {}

    record Enrolment(String wallet, Optional<String> dailyLimit) {}

    record EnrolmentView(int program, String wallet, String account) {}

    record SpendingView(String payee, long payers, long payments, String amount) {}

    record SpendingList(int program, int minimumGroupSize, List<SpendingView> payees) {}

    record LineView(String payment, long atNanos, String amount, String tax) {}

    record StatementView(int program, String merchant, String budget, List<LineView> lines, String gross, String refunds,
                         String tax, String net) {}

    record ScheduleRequest(String to, String amount, String first, Optional<Integer> intervalSeconds, Optional<Integer> count) {}

    record SweepRequest(String at) {}

    record AllowanceRequest(String amount, String first, Optional<Integer> intervalSeconds, Optional<Integer> count) {}

    record ScheduleView(long id, String action, Optional<Integer> program, Optional<String> from, Optional<String> to,
                        Optional<String> amount, String first, int intervalSeconds, int count, int done,
                        Optional<String> next) {}

    record ScheduleList(List<ScheduleView> schedules) {}

    void register(Routes routes) {
        routes.post("/v1/schedules", this::schedulePayments);
        routes.get("/v1/schedules", call -> Reply.ok(new ScheduleList(programs.schedules(call.caller()).stream()
                .map(ProgramEndpoints::view).toList())));
        routes.post("/v1/programs/{id}/allowances", call -> {
            AllowanceRequest body = call.body(AllowanceRequest.class);
            return Reply.of(programs.scheduleAllowance(call.caller(), id(call), Fields.amount(body.amount(), "amount"),
                    instant(body.first(), "first"), body.intervalSeconds().orElse(0), body.count().orElse(1)),
                    ProgramEndpoints::view, 201);
        });
        routes.post("/v1/programs/{id}/sweeps", call -> {
            SweepRequest body = call.body(SweepRequest.class);
            return Reply.of(programs.scheduleSweep(call.caller(), id(call), instant(body.at(), "at")), ProgramEndpoints::view, 201);
        });
        routes.get("/v1/programs", call -> Reply.ok(new ProgramList(programs.list().stream().map(ProgramEndpoints::view).toList())));
        routes.post("/v1/programs", this::deploy);
        routes.get("/v1/programs/{id}", call -> Reply.ok(view(programs.get(id(call)))));
        routes.post("/v1/programs/{id}/pause", call -> status(call, ContractStatus.PAUSED));
        routes.post("/v1/programs/{id}/resume", call -> status(call, ContractStatus.ACTIVE));
        routes.post("/v1/programs/{id}/retire", call -> status(call, ContractStatus.RETIRED));
        routes.post("/v1/programs/{id}/accounts", this::enrol);
        routes.get("/v1/programs/{id}/spending", call -> {
            int id = id(call);
            List<Spending> rows = programs.spending(call.caller(), id);
            return Reply.ok(new SpendingList(id, programs.groupMin(), rows.stream()
                    .map(s -> new SpendingView(s.payee(), s.payers(), s.payments(), Tenge.format(s.tiyn()))).toList()));
        });
        routes.get("/v1/programs/{id}/statement", this::statement);
        routes.post("/v1/programs/{id}/steps", this::steps);
        routes.get("/v1/payments/{id}/legs", call -> {
            org.dtenge.node.money.TransferId payment = Fields.transferId(call.path("id"), "payment id");
            return Reply.ok(new LegList(payment.hex(), programs.legs(call.caller(), payment).stream()
                    .map(l -> new LegView(l.id().hex(), l.debit().address(), l.credit().address(), Tenge.format(l.amount()),
                            l.purpose())).toList()));
        });
        routes.get("/v1/programs/{id}/flow", call -> {
            int id = id(call);
            return Reply.ok(new FlowView(id, programs.flow(call.caller(), id).stream().map(ProgramEndpoints::view).toList()));
        });
    }

    static ProgramView view(Contract c) {
        return new ProgramView(c.id(), slug(c.template()), c.name(), c.condition(), c.owner(), c.version(),
                c.status().name().toLowerCase(java.util.Locale.ROOT), c.parameters(), c.documentHash());
    }

    private static String slug(ContractTemplate template) {
        return switch (template) {
            case GATE -> "gate";
            case TAX_SPLIT -> "tax-split";
            case REWARD_POOL -> "reward-pool";
        };
    }

    private static int id(Call call) {
        String text = call.path("id");
        try {
            int id = Integer.parseInt(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw NodeException.of(ProblemType.INVALID_PARAMETER, "a program id is a positive number, not \"" + text + "\"");
    }

    private Reply status(Call call, ContractStatus next) {
        return Reply.of(programs.changeStatus(call.caller(), id(call), next), ProgramEndpoints::view, 200);
    }

    private Reply deploy(Call call) {
        DeployRequest body = call.body(DeployRequest.class);
        String template = Fields.required(body.template(), "template");
        String name = Fields.required(body.name(), "name");
        String condition = Fields.required(body.condition(), "condition");
        Deployment deployment = switch (template) {
            case "gate" -> new Deployment(ContractTemplate.GATE, name, condition, gate(body));
            case "tax-split" -> new Deployment(ContractTemplate.TAX_SPLIT, name, condition, taxSplit(body));
            case "reward-pool" -> new Deployment(ContractTemplate.REWARD_POOL, name, condition, rewardPool(body));
            default -> throw NodeException.of(ProblemType.INVALID_FIELD, "template must be \"gate\", \"tax-split\" or \"reward-pool\", not \""
                    + template + "\"");
        };
        return Reply.of(programs.deploy(call.caller(), deployment), ProgramEndpoints::view, 201);
    }

    private static List<Long> gate(DeployRequest body) {
        long sides = switch (body.sides().orElse("debits")) {
            case "debits" -> 1;
            case "credits" -> 2;
            case "both" -> 3;
            default -> throw NodeException.of(ProblemType.INVALID_FIELD, "sides must be \"debits\", \"credits\" or \"both\"");
        };
        List<Long> params = new ArrayList<>(List.of(sides, 0L, 0L));
        body.returnAccount().ifPresent(text -> {
            AccountId account = Fields.address(text, "returnAccount");
            params.set(1, account.hi());
            params.set(2, account.lo());
        });
        return params;
    }

    private static List<Long> taxSplit(DeployRequest body) {
        long rate = Fields.required(body.rateBasisPoints().orElse(null), "rateBasisPoints");
        if (rate < 0 || rate > 10_000) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "rateBasisPoints must be 0..10000 (1200 is 12 %), not " + rate);
        }
        long rounding = switch (body.rounding().orElse("half-up")) {
            case "half-up" -> 0;
            case "down" -> 1;
            case "up" -> 2;
            default -> throw NodeException.of(ProblemType.INVALID_FIELD, "rounding must be \"half-up\", \"down\" or \"up\"");
        };
        AccountId budget = Fields.address(body.budgetAccount().orElse(null), "budgetAccount");
        int taxPurpose = Fields.purpose(body.taxPurpose());
        int refundPurpose = Fields.purpose(body.refundPurpose());
        return List.of(rate, rounding, budget.hi(), budget.lo(), (long) taxPurpose, (long) refundPurpose);
    }

    private static List<Long> rewardPool(DeployRequest body) {
        long rate = Fields.amount(body.rewardPer1000Steps().orElse(null), "rewardPer1000Steps");
        long daily = Fields.amount(body.dailyCap().orElse(null), "dailyCap");
        long monthly = Fields.amount(body.monthlyCap().orElse(null), "monthlyCap");
        long plausible = Fields.required(body.plausibleStepsMax().orElse(null), "plausibleStepsMax");
        int purpose = Fields.purpose(body.rewardPurpose());
        if (monthly < daily || plausible <= 0 || purpose == 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "monthlyCap must be at least dailyCap, plausibleStepsMax"
                    + " positive and rewardPurpose a positive code");
        }
        return List.of(rate, daily, monthly, plausible, (long) purpose);
    }

    private Reply steps(Call call) {
        int id = id(call);
        StepsRequest body = call.body(StepsRequest.class);
        AccountId wallet = Fields.address(body.wallet(), "wallet");
        long steps = Fields.required(body.steps(), "steps");
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(Fields.required(body.day(), "day"));
        } catch (java.time.format.DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "day must be a date such as 2026-11-25, not \"" + body.day() + "\"");
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.ofTotalSeconds(
                org.dtenge.ledger.Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS));
        return Reply.of(programs.steps(call.caller(), id, wallet, day, steps, today), r -> new RewardView(id, wallet.address(),
                day.toString(), r.payment().hex(), Tenge.format(r.tiyn()), r.outcome().name().toLowerCase(java.util.Locale.ROOT)),
                201);
    }

    private Reply enrol(Call call) {
        int id = id(call);
        Enrolment body = call.body(Enrolment.class);
        AccountId wallet = Fields.address(body.wallet(), "wallet");
        long dailyLimit = body.dailyLimit().map(text -> Fields.amount(text, "dailyLimit")).orElse(Long.MAX_VALUE);
        return Reply.of(programs.enrol(call.caller(), id, wallet, dailyLimit),
                account -> new EnrolmentView(id, wallet.address(), account.address()), 201);
    }

    private Reply statement(Call call) {
        int id = id(call);
        AccountId merchant = Fields.address(call.query("merchant").orElse(null), "merchant");
        Statement s = programs.statement(call.caller(), id, merchant);
        return Reply.ok(new StatementView(id, s.merchant(), s.budget(), s.lines().stream()
                .map(l -> new LineView(l.payment(), l.atNanos(), Tenge.format(l.tiyn()), Tenge.format(l.taxTiyn()))).toList(),
                Tenge.format(s.grossTiyn()), Tenge.format(s.refundsTiyn()), Tenge.format(s.taxTiyn()), Tenge.format(s.netTiyn())));
    }

    private Reply schedulePayments(Call call) {
        ScheduleRequest body = call.body(ScheduleRequest.class);
        AccountId to = Fields.address(body.to(), "to");
        long amount = Fields.amount(body.amount(), "amount");
        long first = instant(body.first(), "first");
        return Reply.of(programs.schedulePayments(call.caller(), to, amount, first, body.intervalSeconds().orElse(0),
                body.count().orElse(1)), ProgramEndpoints::view, 201);
    }

    private static long instant(String text, String field) {
        try {
            return java.time.Instant.parse(Fields.required(text, field)).getEpochSecond();
        } catch (java.time.format.DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, field + " must be an instant such as 2026-12-31T13:00:00Z, not \""
                    + text + "\"");
        }
    }

    static ScheduleView view(Schedule s) {
        boolean pay = s.action() == Schedule.Action.PAY;
        boolean paysOut = s.action() != Schedule.Action.SWEEP;
        return new ScheduleView(s.id(), s.action().name().toLowerCase(java.util.Locale.ROOT),
                pay ? Optional.empty() : Optional.of(s.program()),
                paysOut ? Optional.of(new AccountId(s.fromHi(), s.fromLo()).address()) : Optional.empty(),
                pay ? Optional.of(new AccountId(s.toHi(), s.toLo()).address()) : Optional.empty(),
                paysOut ? Optional.of(Tenge.format(s.amount())) : Optional.empty(),
                java.time.Instant.ofEpochSecond(s.firstSeconds()).toString(), s.intervalSeconds(), s.count(),
                s.nextOccurrence(), s.finished() ? Optional.empty()
                        : Optional.of(java.time.Instant.ofEpochSecond(s.dueSeconds(s.nextOccurrence())).toString()));
    }
}
