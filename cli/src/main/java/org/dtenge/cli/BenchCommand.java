package org.dtenge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtenge.bench.Compare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code dtenge bench}: the side-by-side comparison of the bench module (dtenge in process, a node
 * over HTTP, PostgreSQL) on this machine. Its options belong to the bench module and are passed on
 * untouched, so that {@code dtenge bench} and {@code java -jar dtenge-bench.jar compare} take the same.
 */
@Command(name = "bench", description = {
    "Run one seeded workload against dtenge (in process, over HTTP) and PostgreSQL, side by side;",
    "print a table, write results.json and PNG plots. `dtenge bench --help` lists the options."})
final class BenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try {
            Compare.run(arguments.toArray(String[]::new));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2); // a bad option: the message names it and shows the usage
        }
    }
}
