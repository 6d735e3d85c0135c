package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client can see of the ledger: journal head, supply and the balances of the genesis accounts.
 * Taken before and after a refused request, to show that nothing changed.
 */
public record LedgerState(long head, String supply, Map<String, String> balances) {
    /** Genesis accounts and who services them. */
    private static final Map<String, String> ACCOUNTS = Map.of("aigerim", "halyk", "magnum", "halyk", "nurlan", "kazpost",
            "canteen", "bcc", "halyk", "halyk", "kazpost", "kazpost", "bcc", "bcc");

    public static LedgerState of(TestNode node) {
        ApiClient nbk = node.as("nbk");
        long head = nbk.get("/v1/journal/head").json().get("sequence").asLong();
        String supply = nbk.get("/v1/supply").text("supply");
        Map<String, String> balances = new LinkedHashMap<>();
        ACCOUNTS.forEach((account, servicer) -> {
            ApiClient.Answer wallet = node.as(servicer).get("/v1/wallets/" + node.address(account));
            assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
            balances.put(account, wallet.text("balance"));
        });
        return new LedgerState(head, supply, balances);
    }

    /** Asserts that {@code node} still shows this state. */
    public void unchangedIn(TestNode node) {
        assertThat(of(node)).isEqualTo(this);
    }

    /** Asserts that balances and supply are as they were; the journal may hold a refused event. */
    public void sameMoneyIn(TestNode node) {
        LedgerState now = of(node);
        assertThat(now.supply()).isEqualTo(supply);
        assertThat(now.balances()).isEqualTo(balances);
    }
}
