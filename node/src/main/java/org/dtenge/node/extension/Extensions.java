package org.dtenge.node.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.http.ExtensionRoute;

/** The extensions on the class path, started in the order found and stopped in reverse. */
public final class Extensions {
    private final List<NodeExtension.Running> running = new ArrayList<>();

    /**
     * Starts every extension; if one fails, those already started are stopped and the node does not
     * start, with the extension's message (a port in use, an unreadable key file...).
     */
    public static Extensions start(NodeContext context) {
        Extensions extensions = new Extensions();
        for (NodeExtension extension : ServiceLoader.load(NodeExtension.class)) {
            try {
                extensions.running.add(extension.start(context));
            } catch (NodeException e) {
                extensions.close();
                throw e;
            } catch (RuntimeException e) {
                extensions.close();
                throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "the " + extension.name()
                        + " extension cannot start: " + e.getMessage()), e);
            }
        }
        return extensions;
    }

    public List<ExtensionRoute> routes() {
        return running.stream().flatMap(r -> r.routes().stream()).toList();
    }

    /** The OpenAPI documents of the extensions' routes, to merge into the node's. */
    public List<String> openApi() {
        return running.stream().map(NodeExtension.Running::openApi).toList();
    }

    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close().run();
            } catch (RuntimeException e) {
                System.err.println("dtenge: stopping an extension failed: " + e);
            }
        }
        running.clear();
    }
}
