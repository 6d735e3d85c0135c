package org.dtenge.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** dtenge start runs the card gateway (the cards extension is on the class path) and dtenge terminal talks to it. */
class TerminalCommandTest {
    @TempDir
    static Path data;

    private static Node node;

    @BeforeAll
    static void startNode() {
        node = NodeMain.start(new String[] {"--data-dir", data.toString(), "--port", "0"});
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private record Run(int exit, String out) {}

    private static Run terminal(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "terminal";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = data.toString();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(Dtenge.run(all), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void signOnIsApprovedOverIso8583() {
        Run run = terminal("sign-on");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("0810 00 approved");
    }

    @Test
    void anUnknownCardIsRefusedWithItsCode() {
        Run run = terminal("buy", "--pan", "4242424242424242", "--amount", "10.00");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("0210 14 invalid card");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        assertThat(terminal("complete", "--pan", "4242424242424242", "--amount", "1.00").exit()).isEqualTo(2);
    }
}
