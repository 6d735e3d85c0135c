package org.dtenge.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;

/**
 * The node's OpenAPI document as served at {@code /openapi.yaml}: the node's own
 * ({@code openapi.yaml} beside this class) with the extensions' routes merged in, so that every route
 * the node answers is documented. Without extensions it is the node's file byte for byte.
 */
final class OpenApiDocument {
    private static final String RESOURCE = "org/dtenge/node/openapi.yaml";

    private OpenApiDocument() {}

    /** The document; a fragment that is not YAML, or documents a route or schema twice, stops the node's start. */
    static byte[] build(List<String> fragments) {
        byte[] base = resource();
        if (fragments.isEmpty()) {
            return base;
        }
        YAMLMapper yaml = new YAMLMapper();
        try {
            ObjectNode document = (ObjectNode) yaml.readTree(base);
            for (String fragment : fragments) {
                merge(document, yaml.readTree(fragment));
            }
            return yaml.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "an extension's OpenAPI document is not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode document, JsonNode fragment) {
        ObjectNode paths = (ObjectNode) document.get("paths");
        for (Map.Entry<String, JsonNode> path : fragment.path("paths").properties()) {
            ObjectNode into = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (into.has(operation.getKey())) {
                    throw clash("operation " + operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
                into.set(operation.getKey(), operation.getValue());
            }
        }
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : fragment.path("components").path("schemas").properties()) {
            if (schemas.has(schema.getKey())) {
                throw clash("schema " + schema.getKey());
            }
            schemas.set(schema.getKey(), schema.getValue());
        }
        ArrayNode tags = (ArrayNode) document.get("tags");
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        for (JsonNode tag : fragment.path("tags")) {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }

    private static NodeException clash(String what) {
        return NodeException.of(ProblemType.CONFIGURATION, "an extension documents " + what + ", which the node's"
                + " OpenAPI document already has");
    }

    private static byte[] resource() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
