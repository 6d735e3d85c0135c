package org.dtenge.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import org.dtenge.node.participant.Participant;

/** An authenticated request: who sent it, its body, and the request for paths and queries. */
public record Call(Participant caller, byte[] body, ServerRequest request, ObjectMapper json) {
    public <T> T body(Class<T> type) {
        return Json.decode(json, body, type);
    }

    public String path(String name) {
        return request.path().pathParameters().get(name);
    }

    public Optional<String> query(String name) {
        return request.query().first(name).asOptional();
    }
}
