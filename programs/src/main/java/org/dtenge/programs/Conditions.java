package org.dtenge.programs;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles CEL conditions against the variables a transfer offers ({@link TransferFacts#VARIABLES})
 * and caches them by source text, so that a condition is parsed and type-checked once and the
 * sequencer only evaluates. Thread-safe: the node checks conditions at deployment on request threads
 * with the same cache the ledger then uses.
 */
public final class Conditions {
    /** A condition longer than this is refused: it would not fit the journal's contract chunks anyway. */
    public static final int SOURCE_BYTES_MAX = 4096;

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final ConcurrentHashMap<String, Condition> compiled = new ConcurrentHashMap<>();

    public Conditions() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        TransferFacts.VARIABLES.forEach((name, type) -> builder.addVar(name, type));
        compiler = builder.build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    }

    /** What compiling a condition gave. */
    public sealed interface Compiled permits Accepted, Refused {}

    public record Accepted(Condition condition) implements Compiled {}

    /** The CEL error and where it is (1-based line and column; 0 when CEL gives no position). */
    public record Refused(String message, int line, int column) implements Compiled {
        /** "line 1, column 8: undeclared reference to 'foo'" */
        public String describe() {
            return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
        }
    }

    public Compiled compile(String source) {
        Condition cached = compiled.get(source);
        if (cached != null) {
            return new Accepted(cached);
        }
        if (source.isBlank()) {
            return new Refused("the condition is empty", 0, 0);
        }
        if (source.getBytes(StandardCharsets.UTF_8).length > SOURCE_BYTES_MAX) {
            return new Refused("the condition is longer than " + SOURCE_BYTES_MAX + " bytes", 0, 0);
        }
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            var location = first.getSourceLocation();
            return new Refused(first.getMessage(), Math.max(location.getLine(), 0),
                    location.getLine() > 0 ? location.getColumn() + 1 : 0);
        }
        try {
            Condition condition = new Condition(source, runtime.createProgram(result.getAst()));
            Condition raced = compiled.putIfAbsent(source, condition);
            return new Accepted(raced != null ? raced : condition);
        } catch (CelValidationException | CelEvaluationException e) {
            return new Refused(e.getMessage(), 0, 0);
        }
    }

    /** How many distinct conditions are compiled and cached. */
    public int cached() {
        return compiled.size();
    }
}
