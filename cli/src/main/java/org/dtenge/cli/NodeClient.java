package org.dtenge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.auth.SigningKey;

/** Signed requests to a node, as one participant; answers as JSON, refusals as {@link CliException}. */
final class NodeClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    private final RequestSigner signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NodeClient(String node, String participant, SigningKey key) {
        this.node = node.endsWith("/") ? node.substring(0, node.length() - 1) : node;
        this.signer = new RequestSigner(participant, key);
    }

    JsonNode get(String path) {
        return send("GET", path, new byte[0]);
    }

    JsonNode post(String path, ObjectNode body) {
        try {
            return send("POST", path, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new CliException("cannot encode the request: " + e.getMessage());
        }
    }

    private JsonNode send(String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        for (Map.Entry<String, String> header : signer.headers(method, path, body).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("no node answers at " + node + ": start one with `bin/dtenge start`, or give --node");
        } catch (IOException e) {
            throw new CliException("talking to " + node + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new CliException(response.statusCode() + " " + answer.path("title").asText("")
                    + ": " + answer.path("detail").asText(response.body()));
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }
}
