package org.dtenge.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;

/** Writes replies: JSON bodies with their length, problems as RFC 9457 problem+json. */
final class Responses {
    static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;

    Responses(ObjectMapper json) {
        this.json = json;
    }

    void send(ServerRequest request, ServerResponse response, Reply reply) {
        reply.headers().forEach(response::header);
        if (reply.problem().isPresent()) {
            problem(request, response, reply.problem().get());
            return;
        }
        // Serialized here rather than by the media support's stream: the length is then known, and
        // headers and body leave in one write instead of chunks.
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(reply.body().orElseThrow());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view failed to serialize: " + e.getMessage(), e);
        }
        response.status(reply.status());
        response.headers().contentType(MediaTypes.APPLICATION_JSON);
        response.send(bytes);
    }

    /**
     * {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance} as RFC 9457 has
     * them, and {@code result}, the ledger's result code, when the ledger refused.
     */
    void problem(ServerRequest request, ServerResponse response, Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title);
        body.put("status", problem.type().status);
        body.put("detail", problem.detail());
        body.put("instance", request.path().rawPath());
        problem.ledgerResult().ifPresent(result -> body.put("result", result.name()));
        if (problem.type() == ProblemType.BUSY || problem.type() == ProblemType.UNAVAILABLE) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
        response.status(problem.type().status);
        response.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        response.send(bytes);
    }
}
