package org.dtenge.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @Test
    void defaultsAreALocalNodeOnPort8080() {
        NodeConfig config = ConfigReader.defaultsOnly();
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.genesisFile()).isEmpty();
        assertThat(config.statisticsGroupMin()).isEqualTo(10);
        Tier anonymous = config.tier("anonymous").orElseThrow();
        assertThat(anonymous.holdingLimit()).isEqualTo(10_000_000);
        assertThat(anonymous.paymentLimit()).isEqualTo(5_000_000);
        assertThat(anonymous.dailyLimit()).isEqualTo(10_000_000);
    }

    @Test
    void aFileIsOverriddenByTheEnvironmentWhichIsOverriddenByFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "port = 9000\nhost=0.0.0.0\ntier.full.holding-limit=none\ndata-dir=/srv/dtenge\n");
        NodeConfig config = ConfigReader.read(Optional.of(file), Map.of("DTENGE_PORT", "9100", "DTENGE_DATA_DIR", "/var/dtenge",
                "UNRELATED", "x"), Map.of("data-dir", "/tmp/dt"));
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/dt"));
        assertThat(config.tier("full").orElseThrow().holdingLimit()).isEqualTo(Tier.NO_LIMIT);
        assertThat(ConfigReader.envName("tier.anonymous.holding-limit")).isEqualTo("DTENGE_TIER_ANONYMOUS_HOLDING_LIMIT");
    }

    @Test
    void typosAndBadValuesAreErrorsThatSayWhat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "prot=9000\n");
        assertThatThrownBy(() -> ConfigReader.read(Optional.of(file), Map.of(), Map.of())).isInstanceOf(NodeException.class)
                .hasMessageContaining("prot");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of("DTENGE_PORT", "eighty"), Map.of()))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of(), Map.of("tier.anonymous.daily-limit", "lots")))
                .hasMessageContaining("tier.anonymous.daily-limit");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of(), Map.of("port", "70000")))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of("DTENGE_SEQUENCER_BATCH_INTERVAL_MICROS", "-1"),
                Map.of())).isInstanceOf(NodeException.class).hasMessageContaining("batch interval must be from 0 to 1 s");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of(), Map.of("sequencer.batch-interval-micros",
                "1000001"))).isInstanceOf(NodeException.class).hasMessageContaining("batch interval");
    }

    @Test
    void theVerifiersLingerIsHalfAMillisecondUnlessSet() {
        assertThat(ConfigReader.defaultsOnly().verifierLinger()).isEqualTo(java.time.Duration.ofNanos(500_000));
        assertThat(ConfigReader.read(Optional.empty(), Map.of("DTENGE_VERIFIER_LINGER_MICROS", "0"), Map.of())
                .verifierLinger()).isZero();
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of(), Map.of("verifier-linger-micros", "100001")))
                .isInstanceOf(NodeException.class).hasMessageContaining("verifier's linger must be from 0 to 100 ms");
        assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), Map.of(), Map.of("verifier-linger-micros", "soon")))
                .isInstanceOf(NodeException.class).hasMessageContaining("verifier-linger-micros must be a whole number");
    }

    @Test
    void theBatchIntervalIsNoneUnlessSet() {
        assertThat(ConfigReader.defaultsOnly().batchInterval()).isZero();
        assertThat(ConfigReader.read(Optional.empty(), Map.of("DTENGE_SEQUENCER_BATCH_INTERVAL_MICROS", "1000"), Map.of())
                .batchInterval()).isEqualTo(java.time.Duration.ofMillis(1));
        assertThat(ConfigReader.read(Optional.empty(), Map.of(), Map.of("sequencer.batch-interval-micros", "250"))
                .batchInterval()).isEqualTo(java.time.Duration.ofNanos(250_000));
    }

    @Test
    void docsConfigurationListsEveryKeyWithItsDefault() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "configuration.md"));
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| ([^|]*) \\|").matcher(page);
        while (row.find()) {
            rows.put(row.group(1), row.group(2).trim());
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(ConfigReader.keys());
        NodeConfig defaults = ConfigReader.defaultsOnly();
        assertThat(rows.get("port")).isEqualTo("`" + defaults.port() + "`");
        assertThat(rows.get("sequencer.queue-capacity")).isEqualTo("`" + defaults.queueCapacity() + "`");
        assertThat(rows.get("sequencer.batch-interval-micros")).isEqualTo("`" + defaults.batchInterval().toNanos() / 1000 + "`");
        assertThat(rows.get("verifier-linger-micros")).isEqualTo("`" + defaults.verifierLinger().toNanos() / 1000 + "`");
        assertThat(rows.get("request-bytes-max")).isEqualTo("`" + defaults.requestBytesMax() + "`");
        assertThat(rows.get("batch-request-bytes-max")).isEqualTo("`" + defaults.batchRequestBytesMax() + "`");
    }
}
