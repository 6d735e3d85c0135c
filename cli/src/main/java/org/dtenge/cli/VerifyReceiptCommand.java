package org.dtenge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.dtenge.journal.ReceiptVerdict;
import org.dtenge.journal.ReceiptVerifier;
import org.dtenge.node.auth.Base64Url;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtenge verify-receipt}: checks a receipt offline, with nothing but the receipt and a head hash
 * the checker trusts (published by the central bank, or read from a node it trusts).
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = {"Check a payment's receipt offline against a trusted journal head hash.",
                "Exit code 0 when it is valid, 1 when it is not (the verdict says why)."})
final class VerifyReceiptCommand implements Callable<Integer> {
    @Option(names = "--receipt", required = true,
            description = "The receipt's `encoded` value (base64url), or @FILE holding it or a payment's JSON answer.")
    String receipt;

    @Option(names = "--head", required = true,
            description = "The trusted head hash, 64 hex digits, or @FILE holding it or a payment's JSON answer.")
    String head;

    @Override
    public Integer call() {
        byte[] encoded = Base64Url.decode(value(receipt, "encoded"))
                .orElseThrow(() -> new CliException("the receipt is not base64url", 2));
        byte[] trusted;
        try {
            trusted = HexFormat.of().parseHex(value(head, "hash"));
        } catch (IllegalArgumentException e) {
            throw new CliException("the head hash is 64 hex digits: " + e.getMessage(), 2);
        }
        ReceiptVerdict verdict = ReceiptVerifier.verify(encoded, trusted);
        System.out.println(verdict);
        return verdict == ReceiptVerdict.VALID ? 0 : 1;
    }

    /**
     * The value as given, or read from @FILE; when the file is a payment's JSON answer, its receipt's
     * {@code encoded} value or its head's {@code hash}.
     */
    private static String value(String given, String field) {
        if (!given.startsWith("@")) {
            return given.trim();
        }
        String text;
        try {
            text = Files.readString(Path.of(given.substring(1))).trim();
        } catch (IOException e) {
            throw new CliException("cannot read " + given.substring(1) + ": " + e.getMessage(), 2);
        }
        if (!text.startsWith("{")) {
            return text;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode receipt = NodeClient.JSON.readTree(text).path("receipt");
            com.fasterxml.jackson.databind.JsonNode found = field.equals("hash")
                    ? receipt.path("head").path("hash") : receipt.path(field);
            if (found.isMissingNode()) {
                throw new CliException(given.substring(1) + " holds no receipt " + field, 2);
            }
            return found.asText();
        } catch (IOException e) {
            throw new CliException(given.substring(1) + " is not JSON: " + e.getMessage(), 2);
        }
    }
}
