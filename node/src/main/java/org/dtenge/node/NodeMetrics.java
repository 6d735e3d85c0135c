package org.dtenge.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The node's Prometheus metrics: HTTP requests (count and latency by route and status), transfers
 * committed, journal batch sizes, back-pressure refusals, projection lag and open event streams.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Supplier<Number>> counted = new CopyOnWriteArrayList<>();
    private final Counter busy = Counter.builder("dtenge.sequencer.busy")
            .description("Submissions refused because the sequencer's queue was full").register(registry);
    private final DistributionSummary batchEvents = DistributionSummary.builder("dtenge.journal.batch.events")
            .description("Events per journal batch").publishPercentiles(0.5, 0.99).register(registry);

    public void request(String method, String route, int status, long nanos) {
        Timer.builder("dtenge.http.requests").description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentiles(0.5, 0.99).register(registry).record(Duration.ofNanos(nanos));
    }

    /**
     * A counter read from {@code value}, which only grows. Kept in {@link #counted}: Micrometer holds a
     * function counter's object weakly, and a lambda that nothing else holds is collected at the first
     * GC, after which the counter reads NaN.
     */
    public void counter(String name, String description, Supplier<Number> value) {
        counted.add(value);
        FunctionCounter.builder(name, value, v -> v.get().doubleValue()).description(description).register(registry);
    }

    public void busy() {
        busy.increment();
    }

    public void batch(int events) {
        batchEvents.record(events);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
