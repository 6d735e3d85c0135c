package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole comparison, small: every target, a local PostgreSQL started for the run, and the results
 * file and plots checked. Needs the PostgreSQL server binaries: .ci/run installs them and sets
 * DTENGE_REQUIRE_POSTGRES, so that CI never skips it; on a machine without them it is skipped with a note.
 */
class CompareTest {
    @TempDir
    Path out;

    @Test
    void aShortRunOfEveryTargetWritesTheTableTheResultsAndThePlots() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent() || "1".equals(System.getenv("DTENGE_REQUIRE_POSTGRES")),
                "no PostgreSQL server binaries here (apt-get install -y postgresql): the comparison is not run");
        Compare.run(new String[] {"--accounts", "200", "--transfers", "3000", "--duration", "2", "--sweep", "1,4",
            "--sweep-duration", "1", "--warmup", "1", "--clients", "8", "--batch-items", "500", "--out", out.toString()});

        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(root.get("format").asText()).isEqualTo(CompareReport.FORMAT);
        assertThat(root.get("workload").get("transfers").asInt()).isEqualTo(3000);
        assertThat(root.get("baseline").asText()).isEqualTo(PostgresTarget.NAME);
        List<String> names = new ArrayList<>();
        for (JsonNode target : root.get("targets")) {
            String name = target.get("name").asText();
            names.add(name);
            assertThat(target.get("errors").asLong()).as(name + ": " + target.get("details")).isZero();
            assertThat(target.get("transfers").asLong()).as(name).isPositive();
            assertThat(target.get("committed").asLong() + target.get("refused").asLong()).as(name)
                    .isEqualTo(target.get("transfers").asLong());
            assertThat(target.get("throughputPerSecond").asDouble()).as(name).isPositive();
            assertThat(target.get("ratioToBaseline").asDouble()).as(name).isPositive();
            JsonNode latency = target.get("latencyMillis");
            assertThat(latency.get("samples").asLong()).as(name).isPositive();
            assertThat(latency.get("p50").asDouble()).as(name).isLessThanOrEqualTo(latency.get("p99").asDouble());
            assertThat(latency.get("p99").asDouble()).as(name).isLessThanOrEqualTo(latency.get("max").asDouble());
            assertThat(target.get("memory").has("rssBytes")).as(name).isTrue();
        }
        assertThat(names).containsExactly(LedgerTarget.NAME, HttpTargets.BATCH, HttpTargets.PAYMENTS,
                HttpTargets.RESERVE_BATCH, HttpTargets.RESERVE_BINARY, PostgresTarget.NAME);
        JsonNode ledger = root.get("targets").get(0);
        assertThat(ledger.get("transfers").asInt()).as("the ledger runs the whole workload").isEqualTo(3000);
        assertThat(ledger.get("refused").asInt()).as("every unpayable payment fails")
                .isGreaterThanOrEqualTo(root.get("workload").get("unpayable").asInt());
        JsonNode postgres = root.get("targets").get(5);
        assertThat(postgres.get("ratioToBaseline").asDouble()).isEqualTo(1.0);
        assertThat(postgres.get("memory").get("pssBytes").asLong()).isGreaterThan(1L << 20);
        assertThat(postgres.get("details").get("settings").get("synchronous_commit").asText()).isEqualTo("on");
        JsonNode sweep = root.get("postgresql").get("sweep");
        assertThat(sweep).hasSize(4); // two ways of sending the transaction, two client counts
        int best = root.get("postgresql").get("bestClients").asInt();
        assertThat(best).isIn(1, 4).isEqualTo(postgres.get("details").get("clients").asInt());
        assertThat(root.get("issueTargets")).hasSize(4);
        for (String plot : List.of("throughput.png", "latency.png", "postgres-sweep.png")) {
            byte[] png = Files.readAllBytes(out.resolve(plot));
            assertThat(png.length).as(plot).isGreaterThan(5_000);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).as(plot).isEqualTo("PNG");
        }
    }

    /**
     * One PostgreSQL client applies the units in workload order, as the ledger does: the two must then
     * commit and refuse exactly the same transfers, which shows the schema keeps the ledger's rules.
     */
    @Test
    void postgresWithOneClientDecidesExactlyAsTheLedger() throws Exception {
        Workload workload = Workload.generate(50, 2_000, 300_000, new TransferMix(1.1, 20, 0, 3, 7));
        Progress quiet = new Progress(System.err, false);
        TargetResult ledger = LedgerTarget.run(workload, out, 2, quiet);
        assertThat(ledger.transfers()).isEqualTo(2_000);
        // Small balances and a steep skew: the hot accounts run dry, so refusals are many and order-dependent.
        assertThat(ledger.refused()).isGreaterThan(workload.unpayable() + 50L);
        try (PostgresServer server = PostgresServer.start(out)) {
            for (PostgresLedger.Mode mode : PostgresLedger.Mode.values()) {
                TargetResult postgres = PostgresTarget.once(server.jdbcUrl(), workload, mode, 1, 120_000_000_000L,
                        new PostgresTarget.Server(OptionalLong.empty(), "test"), quiet, "test");
                assertThat(postgres.transfers()).as(mode.label()).isEqualTo(2_000);
                assertThat(postgres.committed()).as(mode.label()).isEqualTo(ledger.committed());
            }
        }
    }
}
