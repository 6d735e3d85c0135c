package org.dtenge.node.http;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.dtenge.ledger.Ledger;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.projection.StatisticsRow;
import org.dtenge.node.service.Queries;

/** GET /v1/supply, /v1/statistics and /v1/journal/head. */
final class QueryEndpoints {
    private final Queries queries;

    QueryEndpoints(Queries queries) {
        this.queries = queries;
    }

    record SupplyView(String asset, int assetId, int scale, String supply, String issuanceAccount, long asOfBatch) {}

    record Group(String day, long intermediary, String category, long count, String volume, long wallets) {}

    record StatisticsView(String from, String to, int minimumGroupSize, List<Group> groups) {}

    void register(Routes routes) {
        routes.get("/v1/supply", call -> {
            Queries.Supply supply = queries.supply();
            return Reply.ok(new SupplyView(supply.asset().code(), supply.asset().id(), supply.asset().scale(),
                    Tenge.format(supply.supply()), supply.issuanceAccount().address(), supply.asOfBatch()));
        });
        routes.get("/v1/journal/head", call -> Reply.ok(Views.head(queries.head())));
        routes.get("/v1/statistics", call -> {
            LocalDate today = LocalDate.now(ZoneOffset.ofTotalSeconds(Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS));
            LocalDate to = call.query("to").map(text -> day(text, "to")).orElse(today);
            LocalDate from = call.query("from").map(text -> day(text, "from")).orElse(to);
            List<StatisticsRow> rows = queries.statistics(call.caller(), from, to);
            return Reply.ok(new StatisticsView(from.toString(), to.toString(), queries.groupMin(), rows.stream()
                    .map(r -> new Group(r.day(), r.intermediary(), r.category(), r.count(), Tenge.format(r.volume()), r.wallets()))
                    .toList()));
        });
    }

    private static LocalDate day(String text, String name) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, name + " must be a date such as 2026-11-25, not \"" + text + "\"");
        }
    }
}
