package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summing the node's metrics by name and labels. */
class PrometheusTextTest {
    private static final String TEXT = """
            # HELP dtenge_http_requests_seconds HTTP requests by route and status
            # TYPE dtenge_http_requests_seconds summary
            dtenge_http_requests_seconds_count{method="POST",route="/v1/payments",status="200",} 120.0
            dtenge_http_requests_seconds_sum{method="POST",route="/v1/payments",status="200",} 1.5
            dtenge_http_requests_seconds_count{method="POST",route="/v1/payments",status="422",} 3.0
            dtenge_http_requests_seconds_count{method="GET",route="/v1/supply",status="200",} 7.0
            dtenge_journal_batch_events_count 40.0
            dtenge_journal_batch_events_sum 2.5E3
            """;

    @Test
    void sumsEverySampleWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(TEXT, "dtenge_http_requests_seconds_count", List.of("method=\"POST\""))).isEqualTo(123.0);
        assertThat(PrometheusText.sum(TEXT, "dtenge_http_requests_seconds_count", List.of())).isEqualTo(130.0);
        assertThat(PrometheusText.sum(TEXT, "dtenge_http_requests_seconds_sum",
                List.of("route=\"/v1/payments\"", "status=\"200\""))).isEqualTo(1.5);
    }

    @Test
    void unlabelledMetricsAndPrefixesOfOtherNames() {
        assertThat(PrometheusText.sum(TEXT, "dtenge_journal_batch_events_sum", List.of())).isEqualTo(2_500.0);
        assertThat(PrometheusText.sum(TEXT, "dtenge_journal_batch_events", List.of())).isZero();
        assertThat(PrometheusText.sum(TEXT, "absent", List.of())).isZero();
    }
}
