package org.dtenge.node.extension;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.dtenge.journal.Journal;
import org.dtenge.node.chain.LedgerGate;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.http.Api;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.service.Transfers;

/**
 * What an extension is given: the node's configuration and data directory, the one way into the
 * ledger, the services the HTTP API calls, the participant registry, and the journal (read-only use:
 * an extension rebuilds its own registries from the RECORD events it wrote).
 */
public record NodeContext(NodeConfig config, Path dataDir, LedgerGate gate, Transfers transfers, Api.Services services,
                          ParticipantRegistry registry, Journal journal) {
    /**
     * An extension's own setting: the system property {@code dtenge.<key>}, else the environment
     * variable {@code DTENGE_<KEY>} (dots and dashes as underscores), e.g. {@code cards.port} or
     * {@code DTENGE_CARDS_PORT}. Kept apart from the node's checked keys, which know no extension.
     */
    public Optional<String> setting(String key) {
        String property = System.getProperty("dtenge." + key);
        if (property != null) {
            return Optional.of(property.trim());
        }
        return Optional.ofNullable(System.getenv("DTENGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')))
                .map(String::trim);
    }
}
