package org.dtenge.node.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.dtenge.node.ApiClient;
import org.dtenge.node.LedgerState;
import org.dtenge.node.TestNode;
import org.dtenge.node.auth.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts survive a restart exactly: recovered from a snapshot (whose image carries the contract
 * documents and statuses) plus the journal after it, a node lists the same programs with the same
 * statuses and decides the next payments as the first node would have.
 */
class ProgramRestartTest {
    @TempDir
    Path dir;

    private static TestNode start(Path dir) throws Exception {
        // Snapshots every few events, so that recovery starts from an image taken among the contracts.
        return new TestNode(dir, Map.of("statistics-group-min", "2", "ledger.accounts-expected", "1024",
                "ledger.transfers-expected", "32768", "sequencer.snapshot-every-events", "5"));
    }

    @Test
    void aRestartRebuildsContractsFromSnapshotAndJournal() throws Exception {
        SigningKey child = SigningKey.generate(new SecureRandom());
        JsonNode programs;
        LedgerState before;
        String allowance;
        int paused;
        int active;
        try (TestNode first = start(dir)) {
            ApiClient almaty = first.as("almaty");
            ProgramClient.payOwn(first.as("halyk"), first.address("halyk"), first.address("almaty"), "10000.00");
            active = deploy(first, "Meals");
            paused = deploy(first, "Meals, paused");
            String wallet = ProgramClient.wallet(first, child, "retail");
            allowance = almaty.post("/v1/programs/" + active + "/accounts", Map.of("wallet", wallet)).text("account");
            String pausedAllowance = almaty.post("/v1/programs/" + paused + "/accounts", Map.of("wallet", wallet)).text("account");
            ProgramClient.payOwn(almaty, first.address("almaty"), allowance, "100.00");
            ProgramClient.payOwn(almaty, first.address("almaty"), pausedAllowance, "100.00");
            assertThat(almaty.post("/v1/programs/" + paused + "/pause", Map.of()).status()).isEqualTo(200);
            assertThat(first.as("halyk").post("/v1/payments", ProgramClient.payment(child, allowance, first.address("magnum"),
                    "1.00", 0)).type()).endsWith("program-declined");
            programs = almaty.get("/v1/programs").json();
            before = LedgerState.of(first);
        }
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            assertThat(files.anyMatch(f -> f.getFileName().toString().contains("snap"))).as("a snapshot was written").isTrue();
        }
        try (TestNode second = start(dir)) {
            before.unchangedIn(second);
            ApiClient almaty = second.as("almaty");
            assertThat(almaty.get("/v1/programs").json()).isEqualTo(programs);
            assertThat(almaty.get("/v1/programs/" + paused).text("status")).isEqualTo("paused");
            ApiClient halyk = second.as("halyk");
            assertThat(halyk.post("/v1/payments", ProgramClient.payment(child, allowance, second.address("magnum"), "1.00", 0))
                    .type()).endsWith("program-declined");
            ApiClient.Answer meal = halyk.post("/v1/payments", ProgramClient.payment(child, allowance, second.address("canteen"),
                    "1.00", 0));
            assertThat(meal.status()).as(meal.toString()).isEqualTo(200);
        }
    }

    private static int deploy(TestNode node, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "gate");
        body.put("name", name);
        body.put("condition", "credit == '" + node.address("canteen") + "'");
        body.put("returnAccount", node.address("almaty"));
        ApiClient.Answer deployed = node.as("almaty").post("/v1/programs", body);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        return deployed.json().get("id").asInt();
    }
}
