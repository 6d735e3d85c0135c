package org.dtenge.cards.iso8583;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The moov-io ISO 8583 vectors, copied into testdata/vectors/iso8583. */
final class Vectors {
    static final String[] MESSAGES = {"financial_transaction_message", "financial_transaction_message_response",
        "iso_reversal_message", "iso_reversal_message_response", "network_management_message",
        "network_management_message_response"};

    private Vectors() {}

    static Path dir() {
        return Path.of(System.getProperty("shared.dir", "../testdata"), "vectors", "iso8583");
    }

    static byte[] message(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name + ".dat"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
