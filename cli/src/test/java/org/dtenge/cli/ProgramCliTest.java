package org.dtenge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dtenge.node.Node;
import org.dtenge.node.NodeMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtenge program ...} against a real node: school meals, VAT, move-to-earn and escrow from the command line. */
class ProgramCliTest {
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

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return NodeClient.JSON.readTree(out);
        }
    }

    private static Run dtenge(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--node";
        all[args.length + 1] = url;
        all[args.length + 2] = "--data-dir";
        all[args.length + 3] = data.toString();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Dtenge.run(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static String balance(String as, String wallet) throws Exception {
        return dtenge("wallet", "balance", "--as", as, wallet).json().path("balance").asText();
    }

    private static void awaitBalance(String as, String wallet, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!balance(as, wallet).equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(balance(as, wallet)).isEqualTo(expected);
    }

    @Test
    void schoolMealsFromTheCommandLine() throws Exception {
        String now = Instant.now().toString();
        assertThat(dtenge("program", "schedule", "--as", "halyk", "--to", "almaty", "--amount", "1000.00", "--first", now)
                .exit()).isZero();
        awaitBalance("almaty", "almaty", "1000.00");
        Run bad = dtenge("program", "deploy", "--as", "almaty", "--template", "gate", "--name", "Meals",
                "--condition", "credit == canteen");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("does not type-check").contains("line 1, column 11");
        String canteen = dtenge("wallet", "balance", "--as", "bcc", "canteen").json().path("address").asText();
        Run deployed = dtenge("program", "deploy", "--as", "almaty", "--template", "gate", "--name", "Meals",
                "--condition", "credit == '" + canteen + "'", "--return-account", "almaty");
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        String id = deployed.json().path("id").asText();

        assertThat(dtenge("wallet", "keygen", "timur").exit()).isZero();
        String wallet = dtenge("wallet", "open", "--as", "halyk", "--owner-key", data.resolve("keys/timur.pub").toString())
                .json().path("address").asText();
        Run enrolled = dtenge("program", "enrol", id, "--as", "almaty", "--wallet", wallet, "--daily-limit", "15.00");
        assertThat(enrolled.exit()).as(enrolled.err()).isZero();
        String allowance = enrolled.json().path("account").asText();
        assertThat(dtenge("program", "allowance", id, "--as", "almaty", "--amount", "100.00", "--first", now).exit()).isZero();
        awaitBalance("halyk", allowance, "100.00");

        String key = data.resolve("keys/timur.key").toString();
        assertThat(dtenge("wallet", "pay", "--as", "halyk", "--from", allowance, "--key", key, "--to", "canteen", "--amount",
                "12.00").exit()).isZero();
        Run elsewhere = dtenge("wallet", "pay", "--as", "halyk", "--from", allowance, "--key", key, "--to", "magnum",
                "--amount", "1.00");
        assertThat(elsewhere.exit()).isEqualTo(1);
        assertThat(elsewhere.err()).contains("program").contains("condition");
        assertThat(dtenge("program", "pause", id, "--as", "almaty").json().path("status").asText()).isEqualTo("paused");
        assertThat(dtenge("program", "show", id, "--as", "halyk").json().path("status").asText()).isEqualTo("paused");
        assertThat(dtenge("program", "list", "--as", "src").json().path("programs").toString()).contains("\"id\":" + id + ",");
        assertThat(dtenge("program", "sweep", id, "--as", "almaty", "--at", Instant.now().toString()).exit()).isZero();
        awaitBalance("halyk", allowance, "0.00");
        assertThat(dtenge("program", "spending", id, "--as", "almaty").exit()).isZero();
    }

    @Test
    void theUsesHaveTheirOwnCommands() throws Exception {
        Run meals = dtenge("program", "school-meals", "--as", "almaty", "--canteen", "canteen", "--holiday", "2026-12-16",
                "--return-account", "almaty");
        assertThat(meals.exit()).as(meals.err()).isZero();
        assertThat(meals.json().path("condition").asText()).contains("weekday <= 5").contains("day in [20803]")
                .contains("credit in ['DT");
        Run leaf = dtenge("program", "earmark", "--as", "almaty", "--name", "Suppliers", "--purpose", "4101");
        assertThat(leaf.exit()).as(leaf.err()).isZero();
        Run level = dtenge("program", "earmark", "--as", "almaty", "--name", "Contractors", "--next-program",
                leaf.json().path("id").asText(), "--purpose", "4101", "--purpose", "4102", "--return-account", "almaty");
        assertThat(level.json().path("condition").asText())
                .isEqualTo("credit_program == " + leaf.json().path("id").asText() + " && purpose in [4101, 4102]");
        assertThat(dtenge("program", "school-meals", "--as", "almaty", "--canteen", "canteen", "--holiday", "16.12.2026",
                "--return-account", "almaty").exit()).isEqualTo(2);
    }

    @Test
    void taxStepsAndEscrowFromTheCommandLine() throws Exception {
        Run vat = dtenge("program", "deploy", "--as", "src", "--template", "tax-split", "--name", "VAT",
                "--condition", "debit_kind == 'RETAIL'", "--rate", "1200", "--budget-account", "src", "--refund-purpose", "1102");
        assertThat(vat.exit()).as(vat.err()).isZero();
        String vatId = vat.json().path("id").asText();
        String vatAccount = dtenge("program", "enrol", vatId, "--as", "src", "--wallet", "magnum").json().path("account").asText();
        Run sale = dtenge("wallet", "pay", "--as", "halyk", "--from", "aigerim", "--to", vatAccount, "--amount", "112.00");
        assertThat(sale.exit()).isZero();
        assertThat(dtenge("program", "legs", sale.json().path("id").asText(), "--as", "src").json().path("legs").get(0)
                .path("amount").asText()).isEqualTo("12.00");
        assertThat(balance("halyk", vatAccount)).isEqualTo("100.00");
        assertThat(dtenge("program", "statement", vatId, "--as", "src", "--merchant", vatAccount).exit()).isZero();

        Run escrow = dtenge("program", "escrow", "--as", "halyk", "--from", "aigerim", "--to", "magnum", "--amount", "5.00",
                "--timeout-seconds", "3600");
        assertThat(escrow.exit()).as(escrow.err()).isZero();
        String escrowId = escrow.json().path("id").asText();
        assertThat(dtenge("program", "release", escrowId, "--as", "halyk").exit()).isZero();

        Run pool = dtenge("program", "deploy", "--as", "almaty", "--template", "reward-pool", "--name", "Walk Almaty",
                "--condition", "true", "--reward-per-1000-steps", "1.00", "--daily-cap", "10.00", "--monthly-cap", "100.00",
                "--plausible-steps", "60000", "--reward-purpose", "1201");
        assertThat(pool.exit()).as(pool.err()).isZero();
        String poolId = pool.json().path("id").asText();
        String poolAccount = dtenge("program", "enrol", poolId, "--as", "almaty", "--wallet", "almaty").json()
                .path("account").asText();
        assertThat(dtenge("program", "schedule", "--as", "halyk", "--to", poolAccount, "--amount", "50.00", "--first",
                Instant.now().toString()).exit()).isZero();
        awaitBalance("almaty", poolAccount, "50.00");
        Run steps = dtenge("program", "steps", poolId, "--as", "almaty", "--wallet", "nurlan", "--day",
                LocalDate.now(ZoneOffset.ofHours(5)).toString(), "--steps", "8500");
        assertThat(steps.exit()).as(steps.err()).isZero();
        assertThat(steps.json().path("reward").asText()).isEqualTo("8.00");
    }
}
