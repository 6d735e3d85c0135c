package org.dtenge.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dtenge.node.auth.KeyFiles;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.config.ConfigReader;
import org.dtenge.node.config.NodeConfig;

/**
 * A real node for end-to-end tests: on a free port, over a data directory of the test's, with the
 * genesis keys read back from that directory, as the CLI would read them.
 */
public final class TestNode implements AutoCloseable {
    public final Path data;
    public final Node node;
    private final Map<String, String> addresses = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public TestNode(Path data, Map<String, String> settings) throws IOException {
        this.data = data;
        Map<String, String> flags = new HashMap<>(settings);
        flags.put("data-dir", data.toString());
        flags.put("port", "0");
        NodeConfig config = ConfigReader.read(Optional.empty(), Map.of(), flags);
        this.node = Node.start(config);
        JsonNode network = json.readTree(data.resolve("network.json").toFile());
        for (JsonNode p : network.get("participants")) {
            if (p.has("account")) {
                addresses.put(p.get("id").asText(), p.get("account").asText());
            }
        }
        for (JsonNode w : network.get("wallets")) {
            addresses.put(w.get("id").asText(), w.get("address").asText());
        }
    }

    /** A small node: tables sized for tests, so that a test run's nodes fit in a small heap together. */
    public static TestNode start(Path data) throws IOException {
        return new TestNode(data, Map.of("statistics-group-min", "2", "ledger.accounts-expected", "1024",
                "ledger.transfers-expected", "32768"));
    }

    /** The genesis key of participant or wallet {@code id}. */
    public SigningKey key(String id) {
        try {
            return KeyFiles.readPrivate(data.resolve("keys").resolve(id + ".key"));
        } catch (IOException e) {
            throw new IllegalStateException("no key for " + id, e);
        }
    }

    /** The address of a genesis wallet, or of a genesis participant's own account. */
    public String address(String id) {
        String address = addresses.get(id);
        if (address == null) {
            throw new IllegalArgumentException("no genesis account " + id);
        }
        return address;
    }

    public ApiClient as(String participant) {
        return new ApiClient(node.port(), Optional.of(participant), Optional.of(key(participant)));
    }

    public ApiClient as(String participant, SigningKey key) {
        return new ApiClient(node.port(), Optional.of(participant), Optional.of(key));
    }

    public ApiClient anonymous() {
        return new ApiClient(node.port(), Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        node.close();
    }
}
