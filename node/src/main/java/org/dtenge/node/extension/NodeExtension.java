package org.dtenge.node.extension;

import java.util.List;
import org.dtenge.node.http.ExtensionRoute;

/**
 * A module that runs inside the node process (the card gateway, later SWIFT and offline sync): found
 * on the class path with {@link java.util.ServiceLoader} (a {@code META-INF/services} entry), started
 * after recovery and genesis with the node's services, and stopped before the sequencer. It adds
 * signed HTTP routes and may start its own listeners; every way it moves money goes through the
 * context's {@link org.dtenge.node.chain.LedgerGate}, like the node's own services.
 */
public interface NodeExtension {
    /** A short name for messages, e.g. "cards". */
    String name();

    /** Starts the extension; a failure stops the node's start-up with its message. */
    Running start(NodeContext context);

    /**
     * A started extension: the routes it adds to the API, how to stop it, and the OpenAPI document of its
     * routes. {@code openApi} is YAML with {@code tags}, {@code paths} (one per route) and
     * {@code components.schemas} (named so as not to clash with the node's), merged into the node's
     * {@code /openapi.yaml}; it may refer to the node's components.
     */
    record Running(List<ExtensionRoute> routes, Runnable close, String openApi) {
        public Running {
            routes = List.copyOf(routes);
            java.util.Objects.requireNonNull(openApi, "openApi");
        }
    }
}
