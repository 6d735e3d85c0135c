package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtenge.node.http.Route;

/**
 * Every route a node answers, checked as a whole: documented in its OpenAPI document, and swept with
 * requests no route may accept: unsigned (401 on every signed route), and signed with a body that is not
 * JSON or path parameters that name nothing (a 4xx problem with a specific type and detail, never a
 * success or a 500). The caller checks afterwards that nothing changed. Used for the node's own routes
 * and, in the cards module, with the card routes added.
 */
public final class RouteSweep {
    private RouteSweep() {}

    /** Placeholders for path parameters: "x" is never a valid address, id, program or card. */
    private static String path(Route route) {
        return route.path().replaceAll("\\{[^}]+}", "x");
    }

    /**
     * The node's {@code /openapi.yaml} documents every route it answers and nothing else; each operation
     * has a summary, is signed unless it is public, and refers only to what the document holds.
     *
     * @return the document, for further checks
     */
    public static JsonNode everyRouteIsDocumented(TestNode node) throws java.io.IOException {
        ApiClient.Answer answer = node.anonymous().get("/openapi.yaml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElse("")).contains("yaml");
        JsonNode openapi = new ObjectMapper(new YAMLFactory()).readTree(answer.raw().body());
        assertThat(openapi.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : openapi.get("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        Set<String> routed = new HashSet<>();
        for (Route route : node.node.routes()) {
            routed.add(route.method() + " " + route.path());
            JsonNode operation = openapi.get("paths").get(route.path()).get(route.method().toLowerCase());
            assertThat(operation.has("summary")).as(route + " has a summary").isTrue();
            assertThat(operation.has("security") && operation.get("security").isEmpty()).as(route + " security")
                    .isEqualTo(!route.signed());
            for (JsonNode ref : operation.findValues("$ref")) {
                assertThat(ref.asText().startsWith("#/") && !openapi.at(ref.asText().substring(1)).isMissingNode())
                        .as(route + " refers to " + ref.asText()).isTrue();
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(routed).hasSizeGreaterThan(25);
        return openapi;
    }

    public static void unsignedRequestsAre401(TestNode node) {
        ApiClient anonymous = node.anonymous();
        List<Route> signed = node.node.routes().stream().filter(Route::signed).toList();
        assertThat(signed).hasSizeGreaterThan(25);
        for (Route route : signed) {
            byte[] body = route.method().equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
            ApiClient.Answer answer = anonymous.send(route.method(), path(route), body, Map.of("Dtenge-Participant", "nobody"));
            assertThat(answer.status()).as(route + ": " + answer).isEqualTo(401);
            assertThat(answer.header("Content-Type").orElse("")).as(route.toString()).startsWith("application/problem+json");
        }
    }

    /** Signed by {@code participant}: every POST with a body that is not JSON, every route with parameters that name nothing. */
    public static void badInputIsA4xxProblem(TestNode node, String participant) {
        ApiClient client = node.as(participant);
        for (Route route : node.node.routes()) {
            if (!route.signed()) {
                continue;
            }
            boolean hasParameters = route.path().contains("{");
            if (route.method().equals("GET") && !hasParameters) {
                continue; // nothing to get wrong but the query, which the endpoints' own tests cover
            }
            ApiClient.Answer answer = route.method().equals("GET") ? client.get(path(route))
                    : client.post(path(route), "this is not JSON");
            assertThat(answer.status()).as(route + ": " + answer).isBetween(400, 499);
            assertThat(answer.header("Content-Type").orElse("")).as(route + ": " + answer).startsWith("application/problem+json");
            assertThat(answer.type()).as(route + ": " + answer).isNotBlank().isNotEqualTo("internal");
            assertThat(answer.text("detail")).as(route + ": " + answer).isNotBlank();
        }
    }
}
