package org.dtenge.node.http;

import java.util.List;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.config.Tier;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.service.Queries;
import org.dtenge.node.service.Wallets;

/** /v1/wallets: open, read, history, freeze, unfreeze, change tier, close. */
final class WalletEndpoints {
    private final Wallets wallets;
    private final Queries queries;
    private final NodeConfig config;
    private final Views views;

    WalletEndpoints(Wallets wallets, Queries queries, NodeConfig config, Views views) {
        this.wallets = wallets;
        this.queries = queries;
        this.config = config;
        this.views = views;
    }

    /** @param ownerKey the customer's Ed25519 public key, base64url */
    record Opening(String ownerKey, String kind, String tier) {}

    record TierChange(String tier) {}

    /** Freeze, unfreeze and close take no fields; an empty body or {} will do. */
    record Nothing() {}

    void register(Routes routes) {
        routes.post("/v1/wallets", call -> {
            Opening body = call.body(Opening.class);
            byte[] key = Fields.publicKey(body.ownerKey(), "ownerKey");
            return Reply.of(wallets.open(call.caller(), key, Fields.walletKind(body.kind()), tier(body.tier())), views::account, 201);
        });
        routes.get("/v1/wallets/{address}", call -> Reply.ok(views.account(wallets.get(call.caller(), address(call)))));
        routes.get("/v1/wallets/{address}/history", this::history);
        routes.post("/v1/wallets/{address}/freeze", call -> {
            empty(call);
            return Reply.of(wallets.freeze(call.caller(), address(call)), views::account, 200);
        });
        routes.post("/v1/wallets/{address}/unfreeze", call -> {
            empty(call);
            return Reply.of(wallets.unfreeze(call.caller(), address(call)), views::account, 200);
        });
        routes.post("/v1/wallets/{address}/tier", call -> {
            TierChange body = call.body(TierChange.class);
            return Reply.of(wallets.changeTier(call.caller(), address(call), tier(body.tier())), views::account, 200);
        });
        routes.post("/v1/wallets/{address}/close", call -> {
            empty(call);
            return Reply.of(wallets.close(call.caller(), address(call)), views::account, 200);
        });
    }

    private Reply history(Call call) {
        AccountId wallet = address(call);
        int limit = Fields.positiveInt(call.query("limit"), "limit", 50, Queries.HISTORY_LIMIT_MAX);
        long before = call.query("before").map(WalletEndpoints::cursor).orElse(Long.MAX_VALUE);
        List<HistoryEntry> entries = queries.history(call.caller(), wallet, limit, before);
        Optional<String> next = entries.size() == limit ? Optional.of(Long.toString(entries.getLast().atNanos())) : Optional.empty();
        return Reply.ok(new Views.HistoryView(wallet.address(), entries.stream().map(views::history).toList(), next));
    }

    private static long cursor(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw NodeException.of(ProblemType.INVALID_PARAMETER, "before must be the \"next\" value of a previous page, not \""
                    + text + "\"");
        }
    }

    private static AccountId address(Call call) {
        return Fields.address(call.path("address"), "wallet address");
    }

    private Tier tier(String name) {
        return config.tier(Fields.required(name, "tier")).orElseThrow(() -> NodeException.of(ProblemType.INVALID_FIELD,
                "tier must be one of " + config.tiers().stream().map(Tier::name).toList() + ", not \"" + name + "\""));
    }

    private static void empty(Call call) {
        if (call.body().length > 0) {
            call.body(Nothing.class);
        }
    }
}
