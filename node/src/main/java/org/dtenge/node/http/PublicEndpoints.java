package org.dtenge.node.http;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.dtenge.node.NodeMetrics;

/**
 * What anyone may read without signing: health, metrics, the OpenAPI document and the interactive
 * documentation page (swagger-ui from its webjar, served by the node itself: no CDN, no internet).
 */
final class PublicEndpoints {
    private static final Set<String> DOCS_FILES = Set.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
            "swagger-ui.css", "favicon-32x32.png", "favicon-16x16.png", "signing.js");

    private final NodeMetrics metrics;
    private final Supplier<Map<String, Object>> health;
    private final String swaggerRoot;
    private final byte[] openApi;

    /**
     * @param health  the readiness checks: each value is a detail; key "ready" says whether all pass
     * @param openApi the OpenAPI document to serve, the extensions' routes merged in ({@link OpenApiDocument})
     */
    PublicEndpoints(NodeMetrics metrics, Supplier<Map<String, Object>> health, byte[] openApi) {
        this.metrics = metrics;
        this.health = health;
        this.openApi = openApi;
        this.swaggerRoot = "META-INF/resources/webjars/swagger-ui/" + swaggerVersion() + "/";
    }

    void register(Routes routes) {
        routes.getPublic("/health", (request, response) -> health(response));
        routes.getPublic("/health/live", (request, response) -> {
            response.headers().contentType(MediaTypes.APPLICATION_JSON);
            response.send(Map.of("status", "UP"));
        });
        routes.getPublic("/health/ready", (request, response) -> health(response));
        routes.getPublic("/metrics", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.send(metrics.scrape());
        });
        routes.getPublic("/openapi.yaml", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "application/yaml");
            response.send(openApi);
        });
        routes.getPublic("/docs", (request, response) -> resource(response, "org/dtenge/node/docs.html",
                "text/html; charset=utf-8"));
        routes.getPublic("/docs/{file}", (request, response) -> {
            String file = request.path().pathParameters().get("file");
            if (!DOCS_FILES.contains(file)) {
                response.status(404).send();
                return;
            }
            String path = file.equals("signing.js") ? "org/dtenge/node/signing.js" : swaggerRoot + file;
            resource(response, path, contentType(file));
        });
    }

    /** Readiness: 200 and UP when the sequencer and the projections run, else 503 and DOWN. */
    private void health(ServerResponse response) {
        Map<String, Object> checks = new LinkedHashMap<>(health.get());
        boolean ready = Boolean.TRUE.equals(checks.remove("ready"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("checks", checks);
        response.status(ready ? 200 : 503);
        response.headers().contentType(MediaTypes.APPLICATION_JSON);
        response.send(body);
    }

    private static void resource(ServerResponse response, String path, String contentType) throws IOException {
        try (InputStream in = PublicEndpoints.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                response.status(404).send();
                return;
            }
            response.header(HeaderNames.CONTENT_TYPE, contentType);
            response.send(in.readAllBytes());
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "image/png";
    }

    /** The webjar's version, from its Maven metadata: the path of its files depends on it. */
    private static String swaggerVersion() {
        try (InputStream in = PublicEndpoints.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }
}
