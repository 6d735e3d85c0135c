package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.TestNode;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earmarked budget money end to end: the National Fund funds a railway project whose money may go
 * only to approved contractors, from them only to approved subcontractors, and from those to
 * suppliers, within the project's purpose codes; money that tries to leave the tree is declined; the
 * Fund sees the flow as a tree.
 */
class EarmarkedBudgetTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CONSTRUCTION = 4101;
    private static final int MATERIALS = 4102;

    @TempDir
    Path dir;

    @Test
    void railwayMoneyFlowsDownTheTreeAndNowhereElse() throws Exception {
        try (TestNode node = TestNode.start(dir)) {
            SigningKey fundKey = SigningKey.generate(RANDOM);
            assertThat(node.as("nbk").post("/v1/participants", Map.of("id", "natfund", "code", 9003, "name",
                    "National Fund of Kazakhstan", "role", "GOVERNMENT", "publicKey", Base64Url.encode(fundKey.publicKey())))
                    .status()).isEqualTo(201);
            ApiClient fund = node.as("natfund", fundKey);
            String fundAccount = node.as("nbk").get("/v1/participants/natfund").text("account");
            ProgramClient.payOwn(node.as("halyk"), node.address("halyk"), fundAccount, "1000000.00");

            String codes = "purpose in [" + CONSTRUCTION + ", " + MATERIALS + "]";
            int subs = deploy(fund, "Railway: subcontractors", "credit_kind == 'MERCHANT' && " + codes, null);
            int contractors = deploy(fund, "Railway: contractors", "credit_program == " + subs + " && " + codes, null);
            int project = deploy(fund, "Railway Dostyk-Moyinty", "credit_program == " + contractors + " && " + codes,
                    fundAccount);

            String projectAccount = enrol(fund, project, fundAccount);
            SigningKey contractorKey = SigningKey.generate(RANDOM);
            String contractorWallet = ProgramClient.wallet(node, contractorKey, "merchant");
            String contractor = enrol(fund, contractors, contractorWallet);
            SigningKey subKey = SigningKey.generate(RANDOM);
            String sub = enrol(fund, subs, ProgramClient.wallet(node, subKey, "merchant"));
            String supplier = ProgramClient.wallet(node, SigningKey.generate(RANDOM), "merchant");
            ProgramClient.payOwn(fund, fundAccount, projectAccount, "500000.00");

            ApiClient halyk = node.as("halyk");
            assertThat(fund.post("/v1/payments", ProgramClient.payment(fundKey, projectAccount, contractor, "300000.00",
                    CONSTRUCTION)).status()).isEqualTo(200);
            declined(fund.post("/v1/payments", ProgramClient.payment(fundKey, projectAccount, supplier, "1000.00", CONSTRUCTION)));
            declined(fund.post("/v1/payments", ProgramClient.payment(fundKey, projectAccount, contractor, "1000.00", 9999)));
            assertThat(halyk.post("/v1/payments", ProgramClient.payment(contractorKey, contractor, sub, "100000.00", MATERIALS))
                    .status()).isEqualTo(200);
            declined(halyk.post("/v1/payments", ProgramClient.payment(contractorKey, contractor, contractorWallet, "5000.00",
                    CONSTRUCTION))); // into the contractor's own wallet: out of the tree
            assertThat(halyk.post("/v1/payments", ProgramClient.payment(subKey, sub, supplier, "60000.00", MATERIALS))
                    .status()).isEqualTo(200);
            assertThat(fund.post("/v1/payments", ProgramClient.payment(fundKey, projectAccount, fundAccount, "50000.00", 0))
                    .status()).as("unspent money may go back to the Fund").isEqualTo(200);

            JsonNode root = awaitFlow(fund, project).get(0);
            assertThat(root.get("account").asText()).isEqualTo(projectAccount);
            assertThat(root.get("balance").asText()).isEqualTo("150000.00");
            JsonNode toContractor = child(root, contractor);
            assertThat(toContractor.get("received").asText()).isEqualTo("300000.00");
            assertThat(toContractor.get("program").asInt()).isEqualTo(contractors);
            JsonNode toSub = child(toContractor, sub);
            assertThat(toSub.get("received").asText()).isEqualTo("100000.00");
            JsonNode toSupplier = child(toSub, supplier);
            assertThat(toSupplier.get("received").asText()).isEqualTo("60000.00");
            assertThat(toSupplier.has("program")).isFalse();
            assertThat(child(root, fundAccount).get("received").asText()).isEqualTo("50000.00");
            assertThat(node.as("almaty").get("/v1/programs/" + project + "/flow").status()).isEqualTo(403);
        }
    }

    private static void declined(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.type()).endsWith("program-declined");
    }

    private static int deploy(ApiClient fund, String name, String condition, String returnAccount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "gate");
        body.put("name", name);
        body.put("condition", condition);
        if (returnAccount != null) {
            body.put("returnAccount", returnAccount);
        }
        ApiClient.Answer deployed = fund.post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        return deployed.json().get("id").asInt();
    }

    private static String enrol(ApiClient fund, int program, String wallet) {
        ApiClient.Answer enrolled = fund.post("/v1/programs/" + program + "/accounts", Map.of("wallet", wallet));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return enrolled.text("account");
    }

    private static JsonNode child(JsonNode node, String account) {
        for (JsonNode c : node.get("paid")) {
            if (c.get("account").asText().equals(account)) {
                return c;
            }
        }
        throw new AssertionError(account + " not paid by " + node.get("account") + ": " + node);
    }

    private static JsonNode awaitFlow(ApiClient fund, int project) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer answer = fund.get("/v1/programs/" + project + "/flow");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode accounts = answer.json().get("accounts");
            if (accounts.get(0).get("paid").size() >= 2 && accounts.toString().contains("60000.00")
                    || System.currentTimeMillis() > deadline) {
                return accounts;
            }
            Thread.sleep(20);
        }
    }
}
