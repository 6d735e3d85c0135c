package org.dtenge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.money.TransferId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dtenge admin ...}: what the central bank does: issue, redeem, register participants, look at supply. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Central bank operations and network views.",
        subcommands = {AdminCommand.Issue.class, AdminCommand.Redeem.class, AdminCommand.Register.class,
                AdminCommand.Supply.class, AdminCommand.Participants.class, AdminCommand.Head.class})
final class AdminCommand {
    private AdminCommand() {}

    /** Issuance and redemption take the same options. */
    abstract static class Move implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", defaultValue = "nbk", description = "The central bank's participant id (default ${DEFAULT-VALUE}).")
        String as;

        @Option(names = "--bank", required = true, description = "The bank (or Kazpost) whose reserve moves, e.g. halyk.")
        String bank;

        @Option(names = "--amount", required = true, description = "Tenge, e.g. 1000000.00.")
        String amount;

        abstract String path();

        @Override
        public void run() {
            Amounts.tiyn(amount);
            ObjectNode body = NodeClient.JSON.createObjectNode()
                    .put("id", TransferId.random(new SecureRandom()).hex())
                    .put("bank", bank)
                    .put("amount", amount);
            System.out.println(NodeClient.pretty(connection.as(as).post(path(), body)));
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issue DT to a bank's reserve (supply grows).")
    static final class Issue extends Move {
        @Override
        String path() {
            return "/v1/issuance";
        }
    }

    @Command(name = "redeem", mixinStandardHelpOptions = true, description = "Redeem DT from a bank's reserve (supply shrinks).")
    static final class Redeem extends Move {
        @Override
        String path() {
            return "/v1/redemptions";
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Register a new participant; it can act at once.")
    static final class Register implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", defaultValue = "nbk", description = "The central bank's participant id (default ${DEFAULT-VALUE}).")
        String as;

        @Option(names = "--id", required = true, description = "Short id, e.g. kaspi.")
        String id;

        @Option(names = "--code", required = true, description = "Numeric code, unique in the network.")
        long code;

        @Option(names = "--name", required = true, description = "Display name.")
        String name;

        @Option(names = "--role", required = true,
                description = "BANK, PAYMENT_AGENT, MERCHANT_ACQUIRER, EXCHANGE, GOVERNMENT, APP_PROVIDER or AUDITOR.")
        String role;

        @Option(names = "--public-key", required = true, description = "Its public key: base64url, or a .pub or .key file (see wallet keygen).")
        String publicKey;

        @Override
        public void run() {
            ObjectNode body = NodeClient.JSON.createObjectNode()
                    .put("id", id).put("code", code).put("name", name).put("role", role)
                    .put("publicKey", Base64Url.encode(Keys.publicKey(publicKey)));
            System.out.println(NodeClient.pretty(connection.as(as).post("/v1/participants", body)));
        }
    }

    /** A signed GET of one resource, printed as it comes. */
    abstract static class Look implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", defaultValue = "nbk", description = "Any participant (default ${DEFAULT-VALUE}).")
        String as;

        abstract String path();

        @Override
        public void run() {
            System.out.println(NodeClient.pretty(connection.as(as).get(path())));
        }
    }

    @Command(name = "supply", mixinStandardHelpOptions = true, description = "DT in circulation.")
    static final class Supply extends Look {
        @Override
        String path() {
            return "/v1/supply";
        }
    }

    @Command(name = "participants", mixinStandardHelpOptions = true, description = "Every participant and its role.")
    static final class Participants extends Look {
        @Override
        String path() {
            return "/v1/participants";
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "The last durable journal batch and its hash: what receipts are checked against.")
    static final class Head extends Look {
        @Override
        String path() {
            return "/v1/journal/head";
        }
    }
}
