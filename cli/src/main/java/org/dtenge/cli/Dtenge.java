package org.dtenge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dtenge} command. {@code start} runs a node; the other commands act as a participant or a
 * wallet against a running node, through the same signed HTTP API any bank uses, with the keys that
 * genesis wrote to the data directory.
 */
@Command(name = "dtenge", mixinStandardHelpOptions = true, version = "dtenge 0.1.0",
        description = "Run a digital tenge node, or act on one as a participant or a wallet.",
        subcommands = {StartCommand.class, WalletCommand.class, AdminCommand.class, VerifyReceiptCommand.class,
                TerminalCommand.class, BenchCommand.class, ProgramCommand.class, CommandLine.HelpCommand.class})
public final class Dtenge implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 success, 1 refused or failed, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new Dtenge())
                .setExpandAtFiles(false) // @FILE is ours: verify-receipt reads a receipt or an answer from it
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("dtenge: " + e.getMessage());
                    return e instanceof CliException cli ? cli.exitCode() : 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
