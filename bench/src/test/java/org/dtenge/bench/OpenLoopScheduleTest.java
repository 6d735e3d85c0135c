package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The open loop's intended send times: exact, monotonic, and the count due by any instant agrees with them. */
class OpenLoopScheduleTest {
    @Test
    void sendsAreEvenlySpacedFromTheStart() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(10_000);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(100_000);
        assertThat(schedule.offsetNanos(10_000)).isEqualTo(1_000_000_000L);
        assertThat(schedule.count(10)).isEqualTo(100_000);
    }

    @Test
    void ratesThatDoNotDivideASecondRoundDown() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(3);
        assertThat(schedule.offsetNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.offsetNanos(2)).isEqualTo(666_666_666L);
        assertThat(schedule.offsetNanos(3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void farIndicesDoNotOverflow() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(999_999_937);
        long i = 9_000_000_000_000L;
        // i / rate seconds, computed without i * 10^9 (which would overflow a long).
        long expected = java.math.BigInteger.valueOf(i).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                .divide(java.math.BigInteger.valueOf(999_999_937)).longValueExact();
        assertThat(schedule.offsetNanos(i)).isEqualTo(expected);
    }

    @Test
    void dueByCountsExactlyTheSendsAtOrBeforeAnInstant() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 200; run++) {
            OpenLoopSchedule schedule = new OpenLoopSchedule(1 + random.nextInt(200_000));
            long t = random.nextLong(3_000_000_000L);
            long due = schedule.dueBy(t);
            assertThat(due).as("seed %d, rate %d, t %d", seed, schedule.ratePerSecond(), t).isPositive();
            assertThat(schedule.offsetNanos(due - 1)).as("seed %d: the last one due is at or before t", seed).isLessThanOrEqualTo(t);
            assertThat(schedule.offsetNanos(due)).as("seed %d: the next one is after t", seed).isGreaterThan(t);
        }
    }

    @Test
    void offsetsNeverGoBackwards() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(7_777);
        long previous = -1;
        for (long i = 0; i < 100_000; i++) {
            long offset = schedule.offsetNanos(i);
            assertThat(offset).isGreaterThan(previous);
            previous = offset;
        }
    }

    @Test
    void nothingIsDueBeforeTheStartAndOneIsDueAtIt() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000);
        assertThat(schedule.dueBy(-1)).isZero();
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
    }

    @Test
    void refusesRatesItCannotKeep() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(1).offsetNanos(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
