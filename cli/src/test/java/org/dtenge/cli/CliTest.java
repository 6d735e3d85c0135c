package org.dtenge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dtenge.node.Node;
import org.dtenge.node.NodeMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dtenge command against a real node on a free port: the README's tour, and its refusals. */
class CliTest {
    @TempDir
    static Path data;

    private static Node node;
    private static String url;

    @BeforeAll
    static void startNode() {
        node = NodeMain.start(new String[] {"--data-dir", data.toString(), "--port", "0"});
        url = "http://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** Runs a command with the node's URL and data dir; returns exit code and what it printed. */
    private record Run(int exit, String out) {
        JsonNode json() throws Exception {
            return NodeClient.JSON.readTree(out);
        }
    }

    private static Run dtenge(String... args) {
        boolean offline = args[0].equals("verify-receipt");
        String[] all = java.util.Arrays.copyOf(args, args.length + (offline ? 0 : 4));
        if (!offline) {
            all[args.length] = "--node";
            all[args.length + 1] = url;
            all[args.length + 2] = "--data-dir";
            all[args.length + 3] = data.toString();
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Dtenge.run(all);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void theTourWorks() throws Exception {
        Run supply = dtenge("admin", "supply");
        assertThat(supply.exit()).isZero();
        String before = supply.json().path("supply").asText();

        assertThat(dtenge("admin", "issue", "--bank", "halyk", "--amount", "1000.00").json().path("status").asText())
                .isEqualTo("committed");
        assertThat(dtenge("admin", "supply").json().path("supply").asText()).isNotEqualTo(before);

        Run keygen = dtenge("wallet", "keygen", "dana");
        assertThat(keygen.exit()).isZero();
        Run opened = dtenge("wallet", "open", "--as", "halyk", "--owner-key", data.resolve("keys/dana.pub").toString());
        String dana = opened.json().path("address").asText();
        assertThat(dana).startsWith("DT").hasSize(20);

        assertThat(dtenge("wallet", "cash-in", "--as", "halyk", "--wallet", dana, "--amount", "300.00").exit()).isZero();
        Run paid = dtenge("wallet", "pay", "--as", "halyk", "--from", dana, "--key", data.resolve("keys/dana.key").toString(),
                "--to", "magnum", "--amount", "120.50", "--reference", "INV-1");
        assertThat(paid.exit()).isZero();
        JsonNode receipt = paid.json().path("receipt");
        assertThat(dtenge("wallet", "balance", "--as", "halyk", dana).json().path("balance").asText()).isEqualTo("179.50");
        assertThat(dtenge("wallet", "history", "--as", "halyk", dana).json().path("items")).hasSize(2);

        Run valid = dtenge("verify-receipt", "--receipt", receipt.path("encoded").asText(), "--head",
                receipt.path("head").path("hash").asText());
        assertThat(valid.exit()).isZero();
        assertThat(valid.out()).contains("VALID");
        Path answer = data.resolve("pay.json");
        java.nio.file.Files.writeString(answer, paid.out());
        assertThat(dtenge("verify-receipt", "--receipt", "@" + answer, "--head", "@" + answer).exit()).isZero();
    }

    @Test
    void refusalsExitNonZeroAndChangeNothing() throws Exception {
        String before = dtenge("wallet", "balance", "--as", "halyk", "aigerim").json().path("balance").asText();
        assertThat(dtenge("wallet", "pay", "--as", "halyk", "--from", "aigerim", "--to", "magnum", "--amount",
                "99999999.00").exit()).isEqualTo(1);
        assertThat(dtenge("wallet", "pay", "--as", "halyk", "--from", "aigerim", "--to", "DT625DZTSQC1G0TR9KWZ",
                "--amount", "1").exit()).isEqualTo(2);
        assertThat(dtenge("wallet", "balance", "--as", "bcc", "aigerim").exit()).isEqualTo(1);
        assertThat(dtenge("admin", "issue", "--as", "halyk", "--bank", "halyk", "--amount", "1.00").exit()).isEqualTo(1);
        assertThat(dtenge("wallet", "balance", "--as", "nobody", "aigerim").exit()).isEqualTo(2);
        assertThat(dtenge("wallet", "balance", "--as", "halyk", "aigerim").json().path("balance").asText()).isEqualTo(before);
        assertThat(dtenge("verify-receipt", "--receipt", "AAAA", "--head", "00".repeat(32)).exit()).isEqualTo(1);
    }
}
