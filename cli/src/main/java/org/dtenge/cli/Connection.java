package org.dtenge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the node is, where its data directory is (for keys), and whom to act as. */
final class Connection {
    @Option(names = "--node", description = "The node's URL (default: $DTENGE_NODE or http://127.0.0.1:8080).")
    String node = System.getenv().getOrDefault("DTENGE_NODE", "http://127.0.0.1:8080");

    @Option(names = "--data-dir", description = "The node's data directory, for keys/ and network.json (default: $DTENGE_DATA_DIR or ./data).")
    Path dataDir = Path.of(System.getenv().getOrDefault("DTENGE_DATA_DIR", "data"));

    /** A client acting as {@code participant}, with its key from {@code keys/<participant>.key}. */
    NodeClient as(String participant) {
        Path key = keys().resolve(participant + ".key");
        if (!Files.exists(key)) {
            throw new CliException("no key for participant \"" + participant + "\" at " + key
                    + ": give --data-dir of the node, or register the participant first", 2);
        }
        return new NodeClient(node, participant, Keys.readPrivate(key));
    }

    Path keys() {
        return dataDir.resolve("keys");
    }

    Network network() {
        return new Network(dataDir.resolve("network.json"));
    }
}
