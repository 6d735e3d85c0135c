package org.dtenge.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dtenge.node.config.ConfigReader;
import org.dtenge.node.config.NodeConfig;

/**
 * Starts a node from the command line; also what the CLI's {@code dtenge start} calls.
 *
 * <pre>
 * java -cp ... org.dtenge.node.NodeMain [--config node.properties] [--data-dir data] [--host 127.0.0.1]
 *                                       [--port 8080] [--genesis genesis.json] [--KEY VALUE ...]
 * </pre>
 *
 * Any configuration key (see {@link ConfigReader}) may be given as {@code --key value}. The process
 * stops gracefully on SIGTERM or Ctrl-C.
 */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) throws InterruptedException {
        Node node;
        try {
            node = start(args);
        } catch (NodeException e) {
            System.err.println("dtenge: " + e.problem().detail());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("dtenge-shutdown").unstarted(() -> {
            node.close(); // in-flight requests finish, queued events are made durable and acknowledged
            System.out.println("dtenge node stopped");
        }));
        node.awaitStop();
    }

    /** Parses {@code args}, reads the configuration and starts a node; the caller closes it. */
    public static Node start(String[] args) {
        NodeConfig config = config(args);
        Node node = Node.start(config);
        System.out.println("dtenge node listening on http://" + config.host() + ":" + node.port() + " (data in "
                + config.dataDir().toAbsolutePath() + "; API at /docs)");
        return node;
    }

    static NodeConfig config(String[] args) {
        Optional<Path> file = Optional.empty();
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: NodeMain [--config FILE] [--KEY VALUE]...; keys: " + ConfigReader.keys());
                System.exit(0);
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw NodeException.of(ProblemType.CONFIGURATION, "expected --KEY VALUE, got \"" + arg + "\"");
            }
            String key = arg.substring(2);
            String value = args[++i];
            if (key.equals("config")) {
                file = Optional.of(Path.of(value));
            } else {
                flags.put(key, value);
            }
        }
        return ConfigReader.read(file, System.getenv(), flags);
    }
}
