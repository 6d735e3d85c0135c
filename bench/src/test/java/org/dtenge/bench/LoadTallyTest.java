package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadTallyTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsOnlyAnswersOverTenMillisecondsBySecondDue() {
        LoadTally tally = new LoadTally();
        tally.timedAt(200 * MS, 9 * MS, 9 * MS);        // fast: not counted
        tally.timedAt(999 * MS, 10 * MS, 10 * MS);      // exactly 10 ms: not over it
        tally.timedAt(999 * MS, 11 * MS, 2 * MS);       // due in second 0, late by queueing
        tally.timedAt(1_000 * MS, 250 * MS, 250 * MS);  // due in second 1
        tally.timedAt(3_500 * MS, 40 * MS, 30 * MS);
        tally.timedAt(3_999 * MS, 12 * MS, 12 * MS);
        assertThat(tally.slowBySecond()).isEqualTo(Map.of(0, 1L, 1, 1L, 3, 2L));
        assertThat(tally.latency.getTotalCount()).isEqualTo(6);
        assertThat(tally.service.getMaxValue()).isBetween(249 * MS, 251 * MS);
    }
}
