package org.dtenge.cli;

import java.util.ArrayList;
import java.util.List;
import org.dtenge.node.NodeMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtenge start}: runs a node in this process until Ctrl-C or SIGTERM. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run a node: journal, ledger and HTTP API, with the pilot network created at first start.",
                "Any configuration key may follow as --KEY VALUE; every key is in docs/configuration.md."})
final class StartCommand implements Runnable {
    @Option(names = "--data-dir", description = "Where the node keeps everything (default: ./data or $DTENGE_DATA_DIR).")
    String dataDir;

    @Option(names = "--port", description = "HTTP port (default 8080 or $DTENGE_PORT).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1 or $DTENGE_HOST).")
    String host;

    @Option(names = "--config", description = "A properties file with configuration keys.")
    String config;

    @Option(names = "--genesis", description = "The genesis file for a first start (default: the shipped pilot network).")
    String genesis;

    @Option(names = "--cards-port", description = "The ISO 8583 card gateway's port (default 8583 or $DTENGE_CARDS_PORT; "
            + "0: any free one, written to cards.port in the data directory).")
    Integer cardsPort;

    @Parameters(description = "More configuration as --KEY VALUE pairs.")
    List<String> more = new ArrayList<>();

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        add(args, "--data-dir", dataDir);
        add(args, "--port", port == null ? null : port.toString());
        add(args, "--host", host);
        add(args, "--config", config);
        add(args, "--genesis", genesis);
        args.addAll(more);
        if (cardsPort != null) {
            // The card gateway is an extension: its settings are read from system properties, not the node's keys.
            System.setProperty("dtenge.cards.port", cardsPort.toString());
        }
        try {
            NodeMain.main(args.toArray(String[]::new));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void add(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }
}
