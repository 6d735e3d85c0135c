package org.dtenge.bench;

/**
 * When each request of an open-loop run is meant to be sent: request i at {@code i / rate} seconds
 * after the start, whatever happened to the requests before it. Latency is measured from these
 * intended instants, not from when a request actually went out, so that a stalled server is charged
 * for the requests it kept the generator from sending (no coordinated omission).
 */
record OpenLoopSchedule(long ratePerSecond) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    OpenLoopSchedule {
        if (ratePerSecond < 1 || ratePerSecond > NANOS_PER_SECOND) {
            throw new IllegalArgumentException("rate must be 1 to 10^9 per second, not " + ratePerSecond);
        }
    }

    /** Nanoseconds from the start to request {@code i}'s intended send: floor(i * 10^9 / rate), without overflow. */
    long offsetNanos(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("request index must not be negative, not " + i);
        }
        return i / ratePerSecond * NANOS_PER_SECOND + i % ratePerSecond * NANOS_PER_SECOND / ratePerSecond;
    }

    /** How many requests are due by {@code elapsedNanos} after the start: those with offset at most it. */
    long dueBy(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        // offset(i) <= t  <=>  i * 10^9 < (t + 1) * rate, so the count is ceil((t + 1) * rate / 10^9).
        long t = elapsedNanos + 1;
        long whole = t / NANOS_PER_SECOND * ratePerSecond;
        long part = t % NANOS_PER_SECOND * ratePerSecond;
        return whole + (part + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** Requests in a run of {@code seconds}. */
    long count(long seconds) {
        return seconds * ratePerSecond;
    }
}
