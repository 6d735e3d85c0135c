package org.dtenge.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.auth.SessionSigner;
import org.dtenge.node.auth.SigningKey;

/** Calls a node over HTTP as a participant would: every request signed, unless the client is anonymous. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Optional<String> participant;
    private final Optional<SigningKey> key;
    private final Optional<SessionSigner> session;

    ApiClient(int port, Optional<String> participant, Optional<SigningKey> key) {
        this(port, participant, key, Optional.empty());
    }

    private ApiClient(int port, Optional<String> participant, Optional<SigningKey> key, Optional<SessionSigner> session) {
        this.port = port;
        this.participant = participant;
        this.key = key;
        this.session = session;
    }

    /** Opens a session (POST /v1/sessions, signed with the key) and returns a client that signs with it. */
    public ApiClient withSession() {
        Answer opened = post("/v1/sessions", "");
        if (opened.status() != 201) {
            throw new IllegalStateException("opening a session failed: " + opened);
        }
        return withSession(opened.text("session"), org.dtenge.node.auth.Base64Url.decode(opened.text("key")).orElseThrow());
    }

    /** A client that signs with the given session credentials. */
    public ApiClient withSession(String id, byte[] sessionKey) {
        return new ApiClient(port, participant, key, Optional.of(new SessionSigner(id, sessionKey)));
    }

    /** An answer: status, headers and the body (parsed as JSON when it is JSON, else as text in a text node). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null ? "" : node.asText();
        }

        public String type() {
            return text("type").replace("https://dtenge.kz/problems/", "");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(String path) {
        return send("GET", path, new byte[0], Map.of());
    }

    public Answer post(String path, String body) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Answer post(String path, Object body) {
        try {
            return send("POST", path, JSON.writeValueAsBytes(body), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed POST of a body of another media type than JSON (a binary batch). */
    public Answer post(String path, byte[] body, String contentType) {
        return send("POST", path, body, Map.of(), contentType);
    }

    /** Sends with explicit signature headers (or none), for the authentication tests. */
    public Answer send(String method, String path, byte[] body, Map<String, String> headers) {
        return send(method, path, body, headers, "application/json");
    }

    /** Posts a signed body without Content-Length (chunked), as a client streaming its body would. */
    public Answer postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send("POST", path, bytes, Map.of(), "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
    }

    private Answer send(String method, String path, byte[] body, Map<String, String> headers, String contentType) {
        return send(method, path, body, headers, contentType,
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Answer send(String method, String path, byte[] body, Map<String, String> headers, String contentType,
                        HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (body.length > 0) {
            request.header("Content-Type", contentType);
        }
        Map<String, String> signature = headers.isEmpty() ? signedHeaders(method, path, body) : headers;
        signature.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> signedHeaders(String method, String path, byte[] body) {
        if (session.isPresent()) {
            return session.get().headers(method, path, body);
        }
        if (participant.isEmpty()) {
            return Map.of();
        }
        return new RequestSigner(participant.get(), key.orElseThrow()).headers(method, path, body);
    }

    public int port() {
        return port;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
