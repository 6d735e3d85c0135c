package org.dtenge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtenge wallet ...}: a customer's keys, and what their bank does for them. */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Wallet keys, opening, cash-in, payments, balance and history.",
        subcommands = {WalletCommand.Keygen.class, WalletCommand.Open.class, WalletCommand.CashIn.class,
                WalletCommand.Pay.class, WalletCommand.Balance.class, WalletCommand.History.class})
final class WalletCommand {
    private WalletCommand() {}

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Make a wallet key pair in <data-dir>/keys (or --out); the public key is what a bank opens a wallet with.")
    static final class Keygen implements Runnable {
        @Mixin
        Connection connection;

        @Parameters(index = "0", description = "A name for the key files, e.g. dana.")
        String name;

        @Option(names = "--out", description = "Directory for the key files (default: <data-dir>/keys).")
        Path out;

        @Override
        public void run() {
            SigningKey key = Keys.generate(out != null ? out : connection.keys(), name);
            System.out.println(Base64Url.encode(key.publicKey()));
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open a wallet for a customer's public key, as their bank.")
    static final class Open implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "The bank or Kazpost opening it, e.g. halyk.")
        String as;

        @Option(names = "--owner-key", required = true, description = "The customer's public key: base64url, or a .pub or .key file.")
        String ownerKey;

        @Option(names = "--tier", defaultValue = "anonymous", description = "anonymous, simplified or full (default ${DEFAULT-VALUE}).")
        String tier;

        @Option(names = "--kind", defaultValue = "retail", description = "retail or merchant (default ${DEFAULT-VALUE}).")
        String kind;

        @Override
        public void run() {
            ObjectNode body = NodeClient.JSON.createObjectNode()
                    .put("ownerKey", Base64Url.encode(Keys.publicKey(ownerKey)))
                    .put("kind", kind)
                    .put("tier", tier);
            System.out.println(NodeClient.pretty(connection.as(as).post("/v1/wallets", body)));
        }
    }

    @Command(name = "cash-in", mixinStandardHelpOptions = true, description = "Turn a customer's cash or deposit into DT in their wallet, as their bank.")
    static final class CashIn implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "The servicing bank or Kazpost.")
        String as;

        @Option(names = "--wallet", required = true, description = "Wallet address or genesis name.")
        String wallet;

        @Option(names = "--amount", required = true, description = "Tenge, e.g. 1500.00.")
        String amount;

        @Override
        public void run() {
            Amounts.tiyn(amount);
            ObjectNode body = NodeClient.JSON.createObjectNode()
                    .put("id", TransferId.random(new SecureRandom()).hex())
                    .put("wallet", connection.network().wallet(wallet).address())
                    .put("amount", amount);
            System.out.println(NodeClient.pretty(connection.as(as).post("/v1/cash-in", body)));
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true,
            description = "Pay from a wallet, signed with the wallet's own key, submitted by its bank (or an app provider).")
    static final class Pay implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "Who submits: the payer's bank, or an app provider.")
        String as;

        @Option(names = "--from", required = true, description = "Payer wallet: address or genesis name.")
        String from;

        @Option(names = "--key", description = "The payer's private key file (default: <data-dir>/keys/<from>.key).")
        Path key;

        @Option(names = "--to", required = true, description = "Payee wallet: address or genesis name.")
        String to;

        @Option(names = "--amount", required = true, description = "Tenge, e.g. 1500.00.")
        String amount;

        @Option(names = "--reference", defaultValue = "", description = "Up to 16 ASCII characters, e.g. an invoice number.")
        String reference;

        @Option(names = "--purpose", defaultValue = "0", description = "Purpose code.")
        int purpose;

        @Option(names = "--id", description = "Payment id, 32 hex digits (default: random). Repeat with the same id safely.")
        String id;

        @Override
        public void run() {
            AccountId payer = connection.network().wallet(from);
            AccountId payee = connection.network().wallet(to);
            SigningKey payerKey = Keys.readPrivate(key != null ? key : connection.keys().resolve(from + ".key"));
            TransferId paymentId = id == null ? TransferId.random(new SecureRandom())
                    : TransferId.parse(id).orElseThrow(() -> new CliException("a payment id is 32 hex digits, not zero", 2));
            Reference ref = Reference.of(reference)
                    .orElseThrow(() -> new CliException("a reference is up to 16 printable ASCII characters", 2));
            long expiresAt = System.currentTimeMillis() + 5 * 60_000;
            PaymentOrder order = new PaymentOrder(paymentId, payer, payee, Amounts.tiyn(amount), 1, purpose, ref, expiresAt);
            ObjectNode body = NodeClient.JSON.createObjectNode()
                    .put("id", paymentId.hex())
                    .put("payer", payer.address())
                    .put("payee", payee.address())
                    .put("amount", Tenge.format(order.amount()))
                    .put("purpose", purpose)
                    .put("reference", reference)
                    .put("expiresAt", expiresAt)
                    .put("signature", Base64Url.encode(order.sign(payerKey)));
            JsonNode answer = connection.as(as).post("/v1/payments", body);
            System.out.println(NodeClient.pretty(answer));
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "A wallet's state and balance, as its bank sees it.")
    static final class Balance implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "The servicing participant.")
        String as;

        @Parameters(index = "0", description = "Wallet address or genesis name.")
        String wallet;

        @Override
        public void run() {
            String address = connection.network().wallet(wallet).address();
            System.out.println(NodeClient.pretty(connection.as(as).get("/v1/wallets/" + address)));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "A wallet's transfers, newest first.")
    static final class History implements Runnable {
        @Mixin
        Connection connection;

        @Option(names = "--as", required = true, description = "The servicing participant.")
        String as;

        @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
        int limit;

        @Parameters(index = "0", description = "Wallet address or genesis name.")
        String wallet;

        @Override
        public void run() {
            String address = connection.network().wallet(wallet).address();
            System.out.println(NodeClient.pretty(connection.as(as).get("/v1/wallets/" + address + "/history?limit=" + limit)));
        }
    }
}
