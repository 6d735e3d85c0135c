package org.dtenge.programs;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A type-checked, compiled CEL condition, ready to evaluate many times. Immutable and shared: the
 * same source text always gives the same condition (see {@link Conditions}).
 */
public final class Condition {
    private final String source;
    private final CelRuntime.Program program;

    Condition(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates over {@code facts}. A CEL evaluation error (an overflow, a division by zero) is an
     * outcome, not an exception: the caller declines the payment.
     */
    public Verdict evaluate(TransferFacts facts) {
        try {
            return Boolean.TRUE.equals(program.eval(facts)) ? Verdict.TRUE : Verdict.FALSE;
        } catch (CelEvaluationException e) {
            return Verdict.ERROR;
        }
    }

    /** What evaluating a condition gave. */
    public enum Verdict { TRUE, FALSE, ERROR }
}
