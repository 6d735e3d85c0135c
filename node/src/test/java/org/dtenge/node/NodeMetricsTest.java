package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {
    @Test
    void aCounterReadFromALambdaSurvivesGarbageCollection() {
        NodeMetrics metrics = new NodeMetrics();
        AtomicLong checked = new AtomicLong(7);
        metrics.counter("dtenge.test.checked", "A counter read from a lambda that nothing else holds", () -> checked.get());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        checked.incrementAndGet();
        assertThat(metrics.scrape()).contains("dtenge_test_checked_total 8.0");
    }
}
