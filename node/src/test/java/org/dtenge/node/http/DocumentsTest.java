package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dtenge.node.ApiClient;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.dtenge.node.RouteSweep;
import org.junit.jupiter.api.Test;

/** What anyone may read: health, Prometheus metrics, the OpenAPI document (complete) and the docs page. */
class DocumentsTest extends EndToEndTest {
    @Test
    void healthSaysUpWithoutASignature() {
        ApiClient.Answer health = node.anonymous().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().get("checks").get("sequencer").asText()).isEqualTo("UP");
        assertThat(node.anonymous().get("/health/live").text("status")).isEqualTo("UP");
        assertThat(node.anonymous().get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void metricsAreInPrometheusFormat() {
        node.as("halyk").post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", node.address("aigerim"), "amount", "1.00"));
        ApiClient.Answer metrics = node.anonymous().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type").orElse("")).startsWith("text/plain");
        String text = metrics.raw().body();
        assertThat(text).contains("dtenge_http_requests_seconds_count{method=\"POST\",route=\"/v1/cash-in\",status=\"201\"}");
        assertThat(text).contains("dtenge_journal_batch_events_count");
        assertThat(text).contains("dtenge_transfers_committed_total");
        assertThat(text).contains("dtenge_projection_queued_events");
    }

    @Test
    void theOpenApiDocumentDocumentsEveryRouteAndNothingElse() throws Exception {
        RouteSweep.everyRouteIsDocumented(node);
    }

    @Test
    void theDocsPageIsServedByTheNodeItself() {
        ApiClient.Answer page = node.anonymous().get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("/docs/swagger-ui-bundle.js").contains("/openapi.yaml").contains("signing.js");
        ApiClient.Answer bundle = node.anonymous().get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.raw().body().length()).isGreaterThan(100_000);
        assertThat(node.anonymous().get("/docs/signing.js").raw().body()).contains("DTENGE-REQUEST-1");
        assertThat(node.anonymous().get("/docs/../../etc/passwd").status()).isEqualTo(404);
        assertThat(node.anonymous().get("/docs/index.html").status()).isEqualTo(404);
    }
}
