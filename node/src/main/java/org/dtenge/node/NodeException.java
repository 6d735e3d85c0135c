package org.dtenge.node;

/**
 * The node module's one exception type. It carries a {@link Problem}: bad input, a failed
 * authentication, a refused authorization, or an operating error (configuration, a stopped
 * sequencer). Business outcomes of the ledger are not exceptions: services return them as values.
 */
public final class NodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public NodeException(Problem problem) {
        super(problem.type().slug + ": " + problem.detail());
        this.problem = problem;
    }

    public NodeException(Problem problem, Throwable cause) {
        super(problem.type().slug + ": " + problem.detail(), cause);
        this.problem = problem;
    }

    public static NodeException of(ProblemType type, String detail) {
        return new NodeException(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }
}
