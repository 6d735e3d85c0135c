package org.dtenge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.WalletAddress;

/**
 * Names for wallets: an address as it is, or the id of a wallet that genesis created (from the data
 * directory's network.json), so that the tour can say {@code aigerim} instead of twenty characters.
 */
final class Network {
    private final Path file;

    Network(Path file) {
        this.file = file;
    }

    AccountId wallet(String nameOrAddress) {
        if (nameOrAddress.toUpperCase(java.util.Locale.ROOT).startsWith(WalletAddress.PREFIX)
                && nameOrAddress.length() == WalletAddress.LENGTH) {
            return switch (WalletAddress.parse(nameOrAddress)) {
                case WalletAddress.Parsed.Valid valid -> valid.id();
                case WalletAddress.Parsed.Invalid invalid -> throw new CliException(invalid.reason(), 2);
            };
        }
        String address = addressOf(nameOrAddress);
        return switch (WalletAddress.parse(address)) {
            case WalletAddress.Parsed.Valid valid -> valid.id();
            case WalletAddress.Parsed.Invalid invalid -> throw new CliException(file + " holds a bad address: " + invalid.reason());
        };
    }

    private String addressOf(String name) {
        if (!Files.exists(file)) {
            throw new CliException("\"" + name + "\" is not a wallet address, and there is no " + file
                    + " to look the name up in", 2);
        }
        try {
            JsonNode network = new ObjectMapper().readTree(file.toFile());
            for (JsonNode wallet : network.path("wallets")) {
                if (name.equals(wallet.path("id").asText())) {
                    return wallet.path("address").asText();
                }
            }
            for (JsonNode participant : network.path("participants")) { // a participant's own account, e.g. almaty
                if (name.equals(participant.path("id").asText()) && participant.has("account")) {
                    return participant.path("account").asText();
                }
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        throw new CliException("no wallet named \"" + name + "\" in " + file + ", and it is not an address", 2);
    }
}
