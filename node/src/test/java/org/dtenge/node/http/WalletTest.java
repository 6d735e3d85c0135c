package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.CustomerWallet;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;

/** Wallets through their life: opened for a key, frozen, unfrozen, moved between tiers, closed. */
class WalletTest extends EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void openingIsIdempotentAndTheLedgerHoldsOnlyTheKey() {
        SigningKey key = SigningKey.generate(RANDOM);
        Map<String, String> body = Map.of("ownerKey", Base64Url.encode(key.publicKey()), "kind", "retail", "tier", "anonymous");
        ApiClient.Answer first = halyk.post("/v1/wallets", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("address")).matches("DT[0-9]{2}[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(first.text("kind")).isEqualTo("retail");
        assertThat(first.text("tier")).isEqualTo("anonymous");
        assertThat(first.text("balance")).isEqualTo("0.00");
        assertThat(first.json().get("limits").get("holding").asText()).isEqualTo("100000.00");
        assertThat(first.text("ownerKey")).isEqualTo(Base64Url.encode(key.publicKey()));
        ApiClient.Answer again = halyk.post("/v1/wallets", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("address")).isEqualTo(first.text("address"));
        ApiClient.Answer otherTier = halyk.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(key.publicKey()),
                "kind", "retail", "tier", "full"));
        assertThat(otherTier.status()).isEqualTo(409);
        assertThat(otherTier.type()).isEqualTo("id-conflict");
        ApiClient.Answer elsewhere = node.as("bcc").post("/v1/wallets", body);
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.text("address")).isNotEqualTo(first.text("address"));
    }

    @Test
    void aFrozenWalletNeitherPaysNorReceivesUntilUnfrozen() {
        CustomerWallet wallet = funded("anonymous", "500.00");
        String path = "/v1/wallets/" + wallet.address();
        ApiClient.Answer frozen = halyk.post(path + "/freeze", "");
        assertThat(frozen.status()).isEqualTo(200);
        assertThat(frozen.text("status")).isEqualTo("frozen");
        assertThat(halyk.post(path + "/freeze", "{}").type()).isEqualTo("already-frozen");
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer pay = halyk.post("/v1/payments", Orders.payment(wallet.key(), Orders.id(), wallet.address(),
                node.address("magnum"), "10.00"));
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.type()).isEqualTo("account-frozen");
        assertThat(halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet.address(), "amount", "1.00")).type())
                .isEqualTo("account-frozen");
        before.sameMoneyIn(node);
        assertThat(halyk.post(path + "/close", "").type()).isEqualTo("account-frozen");
        assertThat(halyk.post(path + "/unfreeze", "").text("status")).isEqualTo("active");
        assertThat(halyk.post(path + "/unfreeze", "").type()).isEqualTo("not-frozen");
        assertThat(halyk.post("/v1/payments", Orders.payment(wallet.key(), Orders.id(), wallet.address(),
                node.address("magnum"), "10.00")).status()).isEqualTo(200);
        assertThat(halyk.post(path + "/freeze", "{\"reason\":\"aml\"}").type()).isEqualTo("unknown-field");
    }

    @Test
    void tiersSetTheLimitsAndADowngradeThatWouldBreakThemIsRefused() {
        CustomerWallet wallet = funded("anonymous", "90000.00");
        String path = "/v1/wallets/" + wallet.address();
        ApiClient.Answer over = halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet.address(), "amount", "20000.00"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.type()).isEqualTo("holding-limit-exceeded");
        ApiClient.Answer upgraded = halyk.post(path + "/tier", Map.of("tier", "full"));
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.text("tier")).isEqualTo("full");
        assertThat(halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet.address(), "amount", "20000.00")).status())
                .isEqualTo(201);
        ApiClient.Answer downgrade = halyk.post(path + "/tier", Map.of("tier", "anonymous"));
        assertThat(downgrade.status()).isEqualTo(422);
        assertThat(downgrade.type()).isEqualTo("holding-limit-exceeded");
        assertThat(halyk.get(path).text("tier")).isEqualTo("full");
        ApiClient.Answer tooMuchAtOnce = halyk.post("/v1/payments", Orders.payment(wallet.key(), Orders.id(), wallet.address(),
                node.address("magnum"), "100000.00"));
        assertThat(tooMuchAtOnce.status()).isEqualTo(200); // the full tier's payment limit is 10,000,000
    }

    @Test
    void closingMovesTheBalanceToTheReserveInOneChainAndKeepsSupply() {
        CustomerWallet wallet = funded("anonymous", "75000.00"); // above the anonymous payment limit of 50,000
        String supply = node.as("nbk").get("/v1/supply").text("supply");
        long reserve = Orders.tiyn(halyk.get("/v1/wallets/" + node.address("halyk")).text("balance"));
        ApiClient.Answer closed = halyk.post("/v1/wallets/" + wallet.address() + "/close", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("closed");
        assertThat(closed.text("balance")).isEqualTo("0.00");
        assertThat(Orders.tiyn(halyk.get("/v1/wallets/" + node.address("halyk")).text("balance"))).isEqualTo(reserve + 7_500_000);
        assertThat(node.as("nbk").get("/v1/supply").text("supply")).isEqualTo(supply);
        assertThat(halyk.post("/v1/wallets/" + wallet.address() + "/close", "").status()).isEqualTo(200);
        assertThat(halyk.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", wallet.address(), "amount", "1.00")).type())
                .isEqualTo("account-closed");
        assertThat(halyk.post("/v1/wallets/" + node.address("halyk") + "/close", "").type()).isEqualTo("not-permitted");
    }

    @Test
    void historyIsPagedNewestFirst() throws InterruptedException {
        CustomerWallet wallet = funded("simplified", "0");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = Orders.id();
            ids.add(0, id);
            halyk.post("/v1/cash-in", Map.of("id", id, "wallet", wallet.address(), "amount", i + ".00"));
        }
        String path = "/v1/wallets/" + wallet.address() + "/history?limit=2";
        List<String> seen = new ArrayList<>();
        ApiClient.Answer page = awaitHistory(path, ids.getFirst());
        while (true) {
            page.json().get("items").forEach(item -> seen.add(item.get("payment").asText()));
            if (!page.json().has("next")) {
                break;
            }
            page = halyk.get(path + "&before=" + page.text("next"));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        ApiClient.Answer first = halyk.get(path);
        var item = first.json().get("items").get(0);
        assertThat(item.get("amount").asText()).isEqualTo("5.00");
        assertThat(item.get("direction").asText()).isEqualTo("in");
        assertThat(item.get("category").asText()).isEqualTo("cash-in");
        assertThat(item.get("counterparty").asText()).isEqualTo(node.address("halyk"));
    }

    /** History comes from the projection, which may trail the ledger by a moment: wait for the newest payment. */
    static ApiClient.Answer awaitHistory(String path, String newest) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer answer = halyk.get(path);
            var items = answer.json().get("items");
            if (!items.isEmpty() && items.get(0).get("payment").asText().equals(newest) || System.currentTimeMillis() > deadline) {
                return answer;
            }
            Thread.sleep(20);
        }
    }
}
