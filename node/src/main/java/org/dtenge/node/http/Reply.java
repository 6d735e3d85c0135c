package org.dtenge.node.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dtenge.node.Problem;
import org.dtenge.node.service.Outcome;

/** What an endpoint answers: a status and a JSON body, or a problem; plus any extra headers. */
public record Reply(int status, Optional<Object> body, Optional<Problem> problem, Map<String, String> headers) {
    public static Reply ok(Object body) {
        return new Reply(200, Optional.of(body), Optional.empty(), Map.of());
    }

    public static Reply of(int status, Object body) {
        return new Reply(status, Optional.of(body), Optional.empty(), Map.of());
    }

    public static Reply problem(Problem problem) {
        return new Reply(problem.type().status, Optional.empty(), Optional.of(problem), Map.of());
    }

    /**
     * 201 (or {@code createdStatus}) when the outcome created something, 200 when it found it done
     * already (an idempotent repeat, marked with the Dtenge-Repeat header), the problem when refused.
     */
    public static <T> Reply of(Outcome<T> outcome, Function<T, Object> view, int createdStatus) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.created()
                    ? new Reply(createdStatus, Optional.of(view.apply(done.value())), Optional.empty(), Map.of())
                    : new Reply(200, Optional.of(view.apply(done.value())), Optional.empty(), Map.of("Dtenge-Repeat", "true"));
            case Outcome.Refused<T> refused -> problem(refused.problem());
        };
    }
}
