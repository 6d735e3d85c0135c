package org.dtenge.cli;

import org.dtenge.node.money.Tenge;

/** Amounts as people type them: tenge with at most two decimals. */
final class Amounts {
    private Amounts() {}

    static long tiyn(String text) {
        return switch (Tenge.parse(text)) {
            case Tenge.Parsed.Valid valid -> valid.tiyn();
            case Tenge.Parsed.Invalid invalid -> throw new CliException(invalid.reason(), 2);
        };
    }
}
