package org.dtenge.cards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.ApiClient;
import org.dtenge.node.http.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with the card extension documents the card routes in its /openapi.yaml beside its own: every
 * route it answers, each with a summary and signed, and nothing it does not answer.
 */
class CardsDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void theServedOpenApiDocumentHasTheCardRoutesToo() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            ApiClient.Answer answer = f.node.anonymous().get("/openapi.yaml");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode openapi = new ObjectMapper(new YAMLFactory()).readTree(answer.raw().body());
            assertThat(openapi.get("openapi").asText()).startsWith("3.");
            Set<String> documented = new HashSet<>();
            for (Map.Entry<String, JsonNode> path : openapi.get("paths").properties()) {
                path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
            }
            Set<String> routed = new HashSet<>();
            for (Route route : f.node.node.routes()) {
                routed.add(route.method() + " " + route.path());
                JsonNode operation = openapi.get("paths").get(route.path()).get(route.method().toLowerCase());
                assertThat(operation.has("summary")).as(route + " has a summary").isTrue();
                assertThat(operation.has("security") && operation.get("security").isEmpty()).as(route + " security")
                        .isEqualTo(!route.signed());
                for (JsonNode ref : operation.findValues("$ref")) {
                    assertThat(resolves(openapi, ref.asText())).as(route + " refers to " + ref.asText()).isTrue();
                }
            }
            assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
            assertThat(routed).contains("POST /v1/cards", "GET /v1/cards/{card}/transactions", "POST /v1/onay/taps",
                    "GET /v1/cash-report");
            assertThat(openapi.get("tags").findValuesAsText("name")).contains("cards", "onay");
        }
    }

    /** Whether a local reference such as {@code #/components/schemas/CardView} names something in the document. */
    private static boolean resolves(JsonNode document, String ref) {
        return ref.startsWith("#/") && !document.at(ref.substring(1)).isMissingNode();
    }
}
