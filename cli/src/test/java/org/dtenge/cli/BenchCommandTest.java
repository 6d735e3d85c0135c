package org.dtenge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtenge bench} reaches the bench module's comparison with its options passed on as given. */
class BenchCommandTest {
    @TempDir
    Path out;

    @Test
    void runsTheComparisonWithTheOptionsAsGiven() throws Exception {
        int exit = Dtenge.run("bench", "--targets", "ledger", "--accounts=100", "--transfers", "5000", "--out", out.toString());
        assertThat(exit).isZero();
        String results = Files.readString(out.resolve("results.json"));
        assertThat(results).contains("\"transfers\" : 5000").contains("\"name\" : \"dtenge-ledger\"");
        assertThat(out.resolve("throughput.png")).exists();
    }

    @Test
    void aBadOptionIsAUsageErrorThatNamesIt() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Dtenge.run("bench", "--targets", "mainframe");
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--targets are ledger,http-batch").contains("mainframe");
    }
}
