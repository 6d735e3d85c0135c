package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.dtenge.node.NodeException;
import org.junit.jupiter.api.Test;

/** Extensions' routes merged into the node's OpenAPI document, and what stops a node from starting. */
class OpenApiDocumentTest {
    private static final String FRAGMENT = """
            tags:
              - {name: things, description: Things an extension adds}
              - {name: payments, description: The node has this tag already}
            paths:
              /v1/things:
                get:
                  tags: [things]
                  summary: List things
                  responses:
                    '200': {description: Things, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            components:
              schemas:
                Thing: {type: object, properties: {name: {type: string}}}
            """;

    @Test
    void withoutExtensionsItIsTheNodesFileAsItIs() {
        assertThat(new String(OpenApiDocument.build(List.of()), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("openapi: 3.0.3");
    }

    @Test
    void anExtensionsPathsSchemasAndNewTagsAreAdded() throws Exception {
        JsonNode merged = new YAMLMapper().readTree(OpenApiDocument.build(List.of(FRAGMENT)));
        assertThat(merged.at("/paths/~1v1~1things/get/summary").asText()).isEqualTo("List things");
        assertThat(merged.at("/paths/~1v1~1payments/post/summary").asText()).isNotEmpty(); // the node's own stay
        assertThat(merged.at("/components/schemas/Thing/type").asText()).isEqualTo("object");
        assertThat(merged.at("/components/schemas/Problem").isMissingNode()).isFalse();
        assertThat(merged.get("tags").findValuesAsText("name")).containsOnlyOnce("things", "payments");
    }

    @Test
    void documentingARouteOrASchemaTheNodeHasStopsTheStart() {
        String route = """
                paths:
                  /v1/payments:
                    post: {summary: Pay differently, responses: {'200': {description: ok}}}
                """;
        assertThatThrownBy(() -> OpenApiDocument.build(List.of(route))).isInstanceOf(NodeException.class)
                .hasMessageContaining("POST /v1/payments");
        String schema = """
                components:
                  schemas:
                    Problem: {type: string}
                """;
        assertThatThrownBy(() -> OpenApiDocument.build(List.of(schema))).isInstanceOf(NodeException.class)
                .hasMessageContaining("schema Problem");
        assertThatThrownBy(() -> OpenApiDocument.build(List.of("paths: [unclosed"))).isInstanceOf(NodeException.class)
                .hasMessageContaining("not valid YAML");
    }
}
