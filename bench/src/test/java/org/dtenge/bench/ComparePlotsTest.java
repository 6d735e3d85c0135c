package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The latency plot's x axis: log10(1 / (1 - q)), labelled at whole nines. */
class ComparePlotsTest {
    @Test
    void labelsWholeNinesOnly() {
        assertThat(ComparePlots.percentileLabel(0)).isEqualTo("0%");
        assertThat(ComparePlots.percentileLabel(1)).isEqualTo("90%");
        assertThat(ComparePlots.percentileLabel(2)).isEqualTo("99%");
        assertThat(ComparePlots.percentileLabel(4)).isEqualTo("99.99%");
        assertThat(ComparePlots.percentileLabel(2.5)).isEmpty();
    }

    @Test
    void distributionRisesWithThePercentileAndStopsBeforeTheEnd() {
        Histogram h = RunResult.latencyHistogram();
        for (int i = 1; i <= 100_000; i++) {
            h.recordValue(i * 1_000L);
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        ComparePlots.distribution(h, x, y);
        assertThat(x).isNotEmpty().isSorted();
        assertThat(y).isSorted();
        assertThat(x.getLast()).isLessThanOrEqualTo(5.0);
        // The median of 1..100,000 microseconds is about 50 ms.
        int middle = 0;
        while (x.get(middle) < Math.log10(2)) {
            middle++;
        }
        assertThat(y.get(middle)).isBetween(45.0, 55.0);
    }
}
