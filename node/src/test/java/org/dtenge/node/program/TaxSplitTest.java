package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VAT by contract end to end: the State Revenue Committee deploys a 12 % tax split, registers Magnum
 * as a VAT payer (enrols its wallet: a VAT-collecting merchant account), a customer pays tax-inclusive
 * prices, a refund reverses both legs, and both statements reconcile with the balances to the tiyn.
 */
class TaxSplitTest extends EndToEndTest {
    private static final int TAX = 1101;
    private static final int REFUND = 1102;

    static ApiClient src;

    @BeforeAll
    static void start() throws Exception {
        src = node.as("src");
    }

    private static int deploy(String rounding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "tax-split");
        body.put("name", "VAT 12% " + rounding);
        body.put("condition", "debit_kind == 'RETAIL'");
        body.put("rateBasisPoints", 1200);
        body.put("rounding", rounding);
        body.put("budgetAccount", node.address("src"));
        body.put("taxPurpose", TAX);
        body.put("refundPurpose", REFUND);
        ApiClient.Answer deployed = src.post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        return deployed.json().get("id").asInt();
    }

    @Test
    void salesSplitRefundsReverseAndStatementsReconcile() throws Exception {
        String srcBefore = ProgramClient.balance(node, "src", node.address("src"));
        int program = deploy("half-up");
        ApiClient.Answer enrolled = src.post("/v1/programs/" + program + "/accounts", Map.of("wallet", node.address("magnum")));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String vat = enrolled.text("account");
        ApiClient halyk = node.as("halyk");
        String aigerim = node.address("aigerim");

        ApiClient.Answer sale = halyk.post("/v1/payments", Orders.payment(node.key("aigerim"), Orders.id(), aigerim, vat, "1120.00"));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(200);
        assertThat(sale.json().get("receipt").get("legs").asInt()).as("the receipt proves a leg was added").isEqualTo(1);
        JsonNode legs = halyk.get("/v1/payments/" + sale.text("id") + "/legs").json().get("legs");
        assertThat(legs).hasSize(1);
        assertThat(legs.get(0).get("debit").asText()).isEqualTo(vat);
        assertThat(legs.get(0).get("credit").asText()).isEqualTo(node.address("src"));
        assertThat(legs.get(0).get("amount").asText()).isEqualTo("120.00");
        assertThat(legs.get(0).get("purpose").asInt()).isEqualTo(TAX);
        assertThat(src.get("/v1/payments/" + sale.text("id") + "/legs").status()).isEqualTo(200); // the budget's side
        assertThat(node.as("kazpost").get("/v1/payments/" + sale.text("id") + "/legs").status()).isEqualTo(404);
        ApiClient.Answer odd = halyk.post("/v1/payments", Orders.payment(node.key("aigerim"), Orders.id(), aigerim, vat, "0.99"));
        assertThat(odd.status()).isEqualTo(200);
        // 0.99 at 12 %: 10.607 tiyn of tax, half up: 11 tiyn
        assertThat(ProgramClient.balance(node, "halyk", vat)).isEqualTo("1000.88");
        assertThat(tiyn(ProgramClient.balance(node, "src", node.address("src"))) - tiyn(srcBefore)).isEqualTo(12_011);

        ApiClient.Answer refund = halyk.post("/v1/payments", ProgramClient.payment(node.key("magnum"), vat, aigerim, "0.99", REFUND));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(ProgramClient.balance(node, "halyk", vat)).isEqualTo("1000.00");
        assertThat(tiyn(ProgramClient.balance(node, "src", node.address("src"))) - tiyn(srcBefore)).isEqualTo(12_000);

        JsonNode bySrc = awaitStatement(src, program, vat, 3);
        JsonNode byHalyk = awaitStatement(halyk, program, vat, 3);
        assertThat(byHalyk).isEqualTo(bySrc);
        assertThat(bySrc.get("gross").asText()).isEqualTo("1120.99");
        assertThat(bySrc.get("refunds").asText()).isEqualTo("0.99");
        assertThat(bySrc.get("tax").asText()).isEqualTo("120.00");
        assertThat(bySrc.get("net").asText()).isEqualTo(ProgramClient.balance(node, "halyk", vat));
        assertThat(bySrc.get("lines").get(2).get("tax").asText()).isEqualTo("-0.11");
        assertThat(node.as("kazpost").get("/v1/programs/" + program + "/statement?merchant=" + vat).status()).isEqualTo(403);
    }

    @Test
    void nonRetailPaymentsCarryNoTaxAndAPausedContractDeclinesSales() {
        int program = deploy("down");
        String vat = src.post("/v1/programs/" + program + "/accounts", Map.of("wallet", node.address("canteen"))).text("account");
        ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), vat, "50.00"); // a bank's own transfer: not retail
        assertThat(ProgramClient.balance(node, "bcc", vat)).isEqualTo("50.00");
        assertThat(src.post("/v1/programs/" + program + "/pause", Map.of()).status()).isEqualTo(200);
        ApiClient.Answer sale = node.as("halyk").post("/v1/payments", Orders.payment(node.key("aigerim"), Orders.id(),
                node.address("aigerim"), vat, "10.00"));
        assertThat(sale.type()).as(sale.toString()).endsWith("program-declined");
        assertThat(sale.text("detail")).contains("paused");
    }

    @Test
    void onlyGovernmentBodiesDeployTaxContractsAndParametersAreChecked() {
        ApiClient.Answer byBank = node.as("halyk").post("/v1/programs", Map.of("template", "tax-split", "name", "x",
                "condition", "true", "rateBasisPoints", 1200, "budgetAccount", node.address("src")));
        assertThat(byBank.status()).isEqualTo(403);
        ApiClient.Answer badRate = src.post("/v1/programs", Map.of("template", "tax-split", "name", "x",
                "condition", "true", "rateBasisPoints", 12_000, "budgetAccount", node.address("src")));
        assertThat(badRate.type()).endsWith("invalid-field");
        ApiClient.Answer noBudget = src.post("/v1/programs", Map.of("template", "tax-split", "name", "x",
                "condition", "true", "rateBasisPoints", 1200));
        assertThat(noBudget.type()).endsWith("missing-field");
    }

    /** Balances may be zero, which Tenge.parse (for amounts to pay) refuses. */
    private static long tiyn(String balance) {
        return Long.parseLong(balance.replace(".", ""));
    }

    private static JsonNode awaitStatement(ApiClient as, int program, String merchant, int lines) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer answer = as.get("/v1/programs/" + program + "/statement?merchant=" + merchant);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            if (answer.json().get("lines").size() >= lines || System.currentTimeMillis() > deadline) {
                return answer.json();
            }
            Thread.sleep(20);
        }
    }
}
