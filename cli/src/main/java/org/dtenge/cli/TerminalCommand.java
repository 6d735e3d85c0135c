package org.dtenge.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dtenge.cards.CardsException;
import org.dtenge.cards.CardsExtension;
import org.dtenge.cards.card.KeyFile;
import org.dtenge.cards.gateway.MessageMac;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.cards.terminal.TerminalConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dtenge terminal}: a simulated POS terminal or ATM that speaks ISO 8583 over TCP to the node's
 * card gateway, one message per run. It prints what it sent and what came back; exit code 0 when the
 * answer is 00 (approved), 1 otherwise.
 */
@Command(name = "terminal", mixinStandardHelpOptions = true,
        description = {"Act as a card terminal (POS, online shop or ATM) against the node's ISO 8583 gateway.",
                "Actions: sign-on, echo, buy, withdraw, authorize, complete, reverse.",
                "A transaction is named by its RRN: buy and authorize print one; complete and reverse take it."})
final class TerminalCommand implements Callable<Integer> {
    private static final Map<String, String> MEANINGS = Map.ofEntries(Map.entry("00", "approved"),
            Map.entry("12", "invalid transaction"), Map.entry("13", "invalid amount"), Map.entry("14", "invalid card"),
            Map.entry("25", "original not found"), Map.entry("30", "format error"), Map.entry("41", "lost card"),
            Map.entry("51", "insufficient funds"), Map.entry("54", "expired card"), Map.entry("57", "not permitted to cardholder"),
            Map.entry("58", "not permitted to terminal"), Map.entry("61", "exceeds limit"), Map.entry("62", "restricted card"), Map.entry("63", "security violation (no or wrong MAC)"),
            Map.entry("94", "duplicate transmission"), Map.entry("96", "system malfunction"));

    @Parameters(index = "0", description = "sign-on | echo | buy | withdraw | authorize | complete | reverse")
    String action;

    @Option(names = "--pan", description = "The card number (buy, withdraw, authorize, complete, reverse).")
    String pan;

    @Option(names = "--amount", description = "The amount in the transaction currency, e.g. 1500.00.")
    String amount;

    @Option(names = "--currency", defaultValue = "398", description = "ISO 4217 numeric currency (default 398, KZT; 840 USD).")
    int currency;

    @Option(names = "--rrn", description = "The retrieval reference number of the transaction (complete, reverse; "
            + "buy and authorize make a new one when absent).")
    String rrn;

    @Option(names = "--kind", defaultValue = "pos", description = "pos, online or atm (withdraw is always atm).")
    String kind;

    @Option(names = "--terminal-id", defaultValue = "DTPOS001", description = "The terminal's id, 8 characters (DE 41).")
    String terminalId;

    @Option(names = "--country", defaultValue = "398", description = "The acquirer's ISO 3166 numeric country (398: Kazakhstan).")
    String country;

    @Option(names = "--gateway", description = "host:port of the card gateway (default: 127.0.0.1 and the port in the data "
            + "directory's cards.port, else 8583).")
    String gateway;

    @Option(names = "--mac-key", description = "The acquirers' MAC key (default: cards-mac.key in the data directory).")
    Path macKey;

    @Option(names = "--data-dir", description = "The node's data directory (default: $DTENGE_DATA_DIR or ./data).")
    Path dataDir = Path.of(System.getenv().getOrDefault("DTENGE_DATA_DIR", "data"));

    @Override
    public Integer call() {
        String host = "127.0.0.1";
        int port = defaultPort();
        if (gateway != null) {
            int colon = gateway.lastIndexOf(':');
            if (colon < 0) {
                throw new CliException("--gateway is host:port, not " + gateway, 2);
            }
            host = gateway.substring(0, colon);
            port = Integer.parseInt(gateway.substring(colon + 1));
        }
        Terminal.Kind where = action.equals("withdraw") ? Terminal.Kind.ATM : kind();
        try (TerminalConnection connection = new TerminalConnection(host, port)) {
            Terminal terminal = new Terminal(connection, mac(), terminalId, where, country);
            IsoMessage response = switch (action) {
                case "sign-on" -> terminal.signOn();
                case "echo" -> terminal.echo();
                case "buy", "withdraw" -> terminal.pay(required(pan, "--pan"), minor(), currency, rrnOrNew(terminal));
                case "authorize" -> terminal.authorize(required(pan, "--pan"), minor(), currency, rrnOrNew(terminal));
                case "complete" -> terminal.complete(required(pan, "--pan"), minor(), currency, required(rrn, "--rrn"));
                case "reverse" -> terminal.reverse(required(pan, "--pan"), minor(), currency, required(rrn, "--rrn"), false);
                default -> throw new CliException("unknown action \"" + action
                        + "\"; one of sign-on, echo, buy, withdraw, authorize, complete, reverse", 2);
            };
            return print(response);
        } catch (CardsException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The MAC key, if there is one: without it the gateway refuses purchases (63) unless it was started without MACs. */
    private Optional<MessageMac> mac() {
        Path file = macKey != null ? macKey : dataDir.resolve(CardsExtension.MAC_KEY_FILE);
        if (macKey == null && !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageMac(KeyFile.read(file)));
        } catch (IOException e) {
            throw new CliException("cannot read the MAC key " + file + ": " + e.getMessage(), 2);
        }
    }

    private int print(IsoMessage response) {
        String code = response.field(39).orElse("??");
        System.out.println(response.mti() + " " + code + " " + MEANINGS.getOrDefault(code, "")
                + response.field(37).map(r -> "  rrn " + r).orElse("")
                + response.field(38).map(a -> "  approval " + a).orElse(""));
        return code.equals("00") ? 0 : 1;
    }

    private String rrnOrNew(Terminal terminal) {
        return rrn != null ? rrn : terminal.newRrn();
    }

    private long minor() {
        try {
            return new BigDecimal(required(amount, "--amount")).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CliException("--amount is a positive amount with at most two decimals, such as 1500.00", 2);
        }
    }

    private Terminal.Kind kind() {
        try {
            return Terminal.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--kind is pos, online or atm, not " + kind, 2);
        }
    }

    private int defaultPort() {
        Path file = dataDir.resolve("cards.port");
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 8583;
        } catch (IOException | NumberFormatException e) {
            throw new CliException("cannot read the gateway's port from " + file + ": " + e.getMessage() + "; give --gateway", 2);
        }
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new CliException("this action needs " + option, 2);
        }
        return value;
    }
}
