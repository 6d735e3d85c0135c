package org.dtenge.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a phase of the HTTP load saw, recorded from many threads at once: answers by status, durable
 * items (a payment answered 200, or the committed items of a batch), transport failures, latencies,
 * and, for a sample of payments, where their time went around the moment the sequencer sealed their
 * batch (the {@code committedAt} of the answer).
 */
final class LoadTally {
    private static final long LATENCY_MAX_NANOS = 600_000_000_000L;

    /** From the intended send (open loop) or the actual send (closed loop) to the whole answer. */
    final Histogram latency = histogram();
    /** From the actual send to the whole answer (differs from {@link #latency} in the open loop only). */
    final Histogram service = histogram();
    /** Sampled payments: from the send to the sealing of their batch (HTTP in, auth, checks, queue). */
    final Histogram beforeSeal = histogram();
    /** Sampled payments: from the sealing of their batch to the answer (apply, write, fsync, receipt, HTTP out). */
    final Histogram afterSeal = histogram();
    private final LongAdder durable = new LongAdder();
    private final LongAdder clientCpuNanos = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    /** Open loop: answers slower than {@link #SLOW_NANOS}, by the second of the schedule they were due in. */
    private final ConcurrentHashMap<Integer, LongAdder> slowBySecond = new ConcurrentHashMap<>();
    static final long SLOW_NANOS = 10_000_000L;
    private final AtomicReference<String> firstProblem = new AtomicReference<>();

    private static Histogram histogram() {
        return new ConcurrentHistogram(LATENCY_MAX_NANOS, 3);
    }

    void answered(Transport.Answer answer, long durableItems) {
        statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
        durable.add(durableItems);
        if (answer.status() / 100 != 2) {
            firstProblem.compareAndSet(null, answer.status() + " " + new String(answer.body(), 0,
                    Math.min(answer.body().length, 400), StandardCharsets.UTF_8));
        }
    }

    void failed(Exception e) {
        failures.increment();
        firstProblem.compareAndSet(null, e.toString());
    }

    /** An open-loop request given up before it was sent; its lateness so far counts as its latency (a lower bound). */
    void abandoned(long latenessNanos) {
        abandoned.increment();
        latency.recordValue(Math.min(Math.max(latenessNanos, 0), LATENCY_MAX_NANOS));
    }

    long abandoned() {
        return abandoned.sum();
    }

    void timed(long latencyNanos, long serviceNanos) {
        latency.recordValue(Math.min(Math.max(latencyNanos, 0), LATENCY_MAX_NANOS));
        service.recordValue(Math.min(Math.max(serviceNanos, 0), LATENCY_MAX_NANOS));
    }

    /**
     * An open-loop answer, by when it was due: whether the slow ones come evenly (queueing at that load)
     * or in bursts (a stall somewhere) is what tells their causes apart.
     */
    void timedAt(long intendedOffsetNanos, long latencyNanos, long serviceNanos) {
        timed(latencyNanos, serviceNanos);
        if (latencyNanos > SLOW_NANOS) {
            slowBySecond.computeIfAbsent((int) (intendedOffsetNanos / 1_000_000_000L), s -> new LongAdder()).increment();
        }
    }

    /** Answers slower than {@link #SLOW_NANOS} by the second of the schedule they were due in (open loop only). */
    Map<Integer, Long> slowBySecond() {
        Map<Integer, Long> bySecond = new TreeMap<>();
        slowBySecond.forEach((second, count) -> bySecond.put(second, count.sum()));
        return bySecond;
    }

    /** Splits a sampled payment's time at the instant its batch was sealed, if the answer says it. */
    void splitAtSeal(Transport.Answer answer, long sentEpochNanos, long answeredEpochNanos) {
        if (answer.status() != 200) {
            return;
        }
        OptionalLong sealed = AnswerFields.instantNanos(answer.body(), "committedAt");
        if (sealed.isPresent()) {
            beforeSeal.recordValue(Math.min(Math.max(sealed.getAsLong() - sentEpochNanos, 0), LATENCY_MAX_NANOS));
            afterSeal.recordValue(Math.min(Math.max(answeredEpochNanos - sealed.getAsLong(), 0), LATENCY_MAX_NANOS));
        }
    }

    /** A client thread, as it ends, reports the CPU it used (its thread is gone when the phase's CPU is read). */
    void clientThreadEnds(long cpuNanosAtStart) {
        clientCpuNanos.add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuNanosAtStart);
    }

    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    long clientCpuNanos() {
        return clientCpuNanos.sum();
    }

    long durable() {
        return durable.sum();
    }

    long failures() {
        return failures.sum();
    }

    long answers() {
        long total = 0;
        for (LongAdder count : statuses.values()) {
            total += count.sum();
        }
        return total;
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> sorted = new TreeMap<>();
        statuses.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }

    java.util.Optional<String> firstProblem() {
        return java.util.Optional.ofNullable(firstProblem.get());
    }

    /** Now, in nanoseconds since the epoch (microsecond resolution on Linux): comparable with ledger timestamps. */
    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
