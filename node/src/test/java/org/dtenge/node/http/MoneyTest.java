package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.journal.Receipt;
import org.dtenge.journal.ReceiptVerifier;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.money.Tenge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two tiers: issuance and redemption change supply; cash-in and cash-out move money within it. */
class MoneyTest extends EndToEndTest {
    static LedgerState genesis;

    @BeforeAll
    static void start() throws Exception {
        genesis = LedgerState.of(node);
    }

    private static long tiyn(String amount) {
        return ((Tenge.Parsed.Valid) Tenge.parse(amount)).tiyn();
    }

    @Test
    void genesisIssuedToEveryBankAndSupplyIsTheirSum() {
        ApiClient.Answer supply = node.as("audit").get("/v1/supply");
        assertThat(supply.status()).isEqualTo(200);
        assertThat(supply.text("asset")).isEqualTo("KZT");
        assertThat(supply.json().get("scale").asInt()).isEqualTo(2);
        // Genesis: 1e9 + 3 x 5e8 to banks, 1e8 to Kazpost; cash-ins only move money within supply.
        assertThat(genesis.supply()).isEqualTo("2600000000.00");
        assertThat(genesis.balances().get("aigerim")).isEqualTo("20000.00");
        assertThat(genesis.balances().get("halyk")).isEqualTo("999980000.00");
    }

    @Test
    void issuanceAndRedemptionMoveSupplyAndAreIdempotent() {
        ApiClient nbk = node.as("nbk");
        long before = tiyn(nbk.get("/v1/supply").text("supply"));
        String id = Orders.id();
        Map<String, Object> issue = Map.of("id", id, "bank", "forte", "amount", "250000.50", "reference", "LOMBARD-17");
        ApiClient.Answer issued = nbk.post("/v1/issuance", issue);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.text("payee")).isEqualTo(node.address("forte"));
        assertThat(issued.text("reference")).isEqualTo("LOMBARD-17");
        assertThat(tiyn(nbk.get("/v1/supply").text("supply"))).isEqualTo(before + 25_000_050);
        ApiClient.Answer again = nbk.post("/v1/issuance", issue);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Dtenge-Repeat")).hasValue("true");
        assertThat(again.json()).isEqualTo(issued.json());
        assertThat(tiyn(nbk.get("/v1/supply").text("supply"))).isEqualTo(before + 25_000_050);
        ApiClient.Answer redeemed = nbk.post("/v1/redemptions", Map.of("id", Orders.id(), "bank", "forte", "amount", "50.50"));
        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(tiyn(nbk.get("/v1/supply").text("supply"))).isEqualTo(before + 25_000_050 - 5_050);
    }

    @Test
    void redeemingMoreThanTheReserveIsRefusedAndChangesNoMoney() {
        LedgerState before = LedgerState.of(node);
        ApiClient.Answer answer = node.as("nbk").post("/v1/redemptions", Map.of("id", Orders.id(), "bank", "bcc",
                "amount", "900000000.00"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo("insufficient-funds");
        assertThat(answer.text("result")).isEqualTo("INSUFFICIENT_FUNDS");
        before.sameMoneyIn(node);
        assertThat(node.as("nbk").post("/v1/issuance", Map.of("id", Orders.id(), "bank", "src", "amount", "1.00")).type())
                .isEqualTo("not-permitted");
        assertThat(node.as("nbk").post("/v1/issuance", Map.of("id", Orders.id(), "bank", "nobank", "amount", "1.00")).status())
                .isEqualTo(404);
    }

    @Test
    void cashInAndSignedCashOutKeepSupplyAndReturnVerifiableReceipts() {
        ApiClient kazpost = node.as("kazpost");
        String supply = node.as("nbk").get("/v1/supply").text("supply");
        String nurlan = node.address("nurlan");
        ApiClient.Answer in = kazpost.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", nurlan, "amount", "3000.00"));
        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        assertThat(in.text("payer")).isEqualTo(node.address("kazpost"));
        verify(in);
        String id = Orders.id();
        Map<String, Object> signed = Orders.payment(node.key("nurlan"), id, nurlan, node.address("kazpost"), "1000.00");
        Map<String, Object> cashOut = new LinkedHashMap<>(signed);
        cashOut.remove("payer");
        cashOut.remove("payee");
        cashOut.put("wallet", nurlan);
        ApiClient.Answer out = kazpost.post("/v1/cash-out", cashOut);
        assertThat(out.status()).as(out.toString()).isEqualTo(201);
        assertThat(out.text("payee")).isEqualTo(node.address("kazpost"));
        verify(out);
        assertThat(kazpost.get("/v1/wallets/" + nurlan).text("balance")).isEqualTo("52000.00");
        assertThat(node.as("nbk").get("/v1/supply").text("supply")).isEqualTo(supply);
    }

    @Test
    void cashOutWithoutTheCustomersSignatureIsRefused() {
        LedgerState before = LedgerState.of(node);
        String nurlan = node.address("nurlan");
        // Signed by Kazpost's own key instead of the wallet's: an intermediary cannot empty a wallet alone.
        Map<String, Object> signed = Orders.payment(node.key("kazpost"), Orders.id(), nurlan, node.address("kazpost"), "10.00");
        Map<String, Object> cashOut = new LinkedHashMap<>(signed);
        cashOut.remove("payer");
        cashOut.remove("payee");
        cashOut.put("wallet", nurlan);
        ApiClient.Answer answer = node.as("kazpost").post("/v1/cash-out", cashOut);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("invalid-payment-signature");
        // Halyk's cash-out pays into Halyk's reserve, and Halyk does not service the wallet anyway.
        assertThat(node.as("halyk").post("/v1/cash-out", cashOut).type()).isEqualTo("account-not-serviced");
        before.unchangedIn(node);
    }

    /** The receipt in the answer verifies offline against the batch hash it names, and the node's head chains to it. */
    static void verify(ApiClient.Answer answer) {
        var receiptJson = answer.json().get("receipt");
        Receipt receipt = Receipt.decode(Base64Url.decode(receiptJson.get("encoded").asText()).orElseThrow());
        byte[] head = java.util.HexFormat.of().parseHex(receiptJson.get("head").get("hash").asText());
        assertThat(ReceiptVerifier.verify(receipt, head).isValid()).isTrue();
        assertThat(receipt.index()).isEqualTo(answer.json().get("index").asInt());
        assertThat(receipt.batch().sequence()).isEqualTo(answer.json().get("batch").asLong());
        head[0] ^= 1;
        assertThat(ReceiptVerifier.verify(receipt, head).isValid()).isFalse();
    }
}
