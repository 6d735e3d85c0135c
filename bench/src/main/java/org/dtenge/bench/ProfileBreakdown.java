package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;

/**
 * Where the CPU goes during a phase, from a JFR recording: each CPU-time sample (JDK 25's
 * {@code jdk.CPUTimeSample}, which samples threads by the CPU they use, in Java or native code, so
 * SQLite's native work counts too) is put in one {@link #classify category} by its thread and stack.
 * Also the journal's fsyncs ({@code jdk.FileForce}) and the garbage collector's pauses
 * ({@code jdk.GarbageCollection}): how many and how long, for what they add to the latency tail.
 */
final class ProfileBreakdown {
    static final String CPU_SAMPLE = "jdk.CPUTimeSample";
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private ProfileBreakdown() {}

    /** Starts a recording: the "profile" settings, plus a CPU-time sample per millisecond of each thread's CPU, and every fsync. */
    static Recording start() throws IOException, java.text.ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable(CPU_SAMPLE).with("throttle", "1ms").withStackTrace();
        recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
        recording.setToDisk(true);
        recording.start();
        return recording;
    }

    /** What a recording says. */
    record Summary(String sampleEvent, Map<String, Long> categories, long samples, Map<String, Long> topFrames,
                   Histogram fsyncNanos, Histogram gcPauseNanos) {}

    static Summary read(Path file) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        boolean cpuTime = events.stream().anyMatch(e -> e.getEventType().getName().equals(CPU_SAMPLE));
        String sampleEvent = cpuTime ? CPU_SAMPLE : EXECUTION_SAMPLE;
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Histogram fsync = new Histogram(60_000_000_000L, 3);
        Histogram pauses = new Histogram(60_000_000_000L, 3);
        long samples = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.FileForce")) {
                fsync.recordValue(Math.max(0, event.getDuration().toNanos()));
                continue;
            }
            if (type.equals("jdk.GarbageCollection")) {
                pauses.recordValue(Math.max(0, event.getDuration("sumOfPauses").toNanos()));
                continue;
            }
            if (!type.equals(sampleEvent) || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = frames(event.getStackTrace());
            String thread = event.getThread() == null || event.getThread().getJavaName() == null ? ""
                    : event.getThread().getJavaName();
            categories.merge(classify(thread, frames), 1L, Long::sum);
            if (!frames.isEmpty()) {
                top.merge(frames.getFirst(), 1L, Long::sum);
            }
            samples++;
        }
        return new Summary(sampleEvent, largestFirst(categories, Integer.MAX_VALUE), samples, largestFirst(top, 25), fsync, pauses);
    }

    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getType() != null) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        return frames;
    }

    /** A rule: a category for stacks holding a frame that starts with any of the prefixes (and, if given, one of {@code with}). */
    private record Rule(String category, List<String> prefixes, List<String> with) {
        boolean matches(List<String> frames) {
            return any(frames, prefixes) && (with.isEmpty() || any(frames, with));
        }

        private static boolean any(List<String> frames, List<String> prefixes) {
            for (String frame : frames) {
                for (String prefix : prefixes) {
                    if (frame.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final String NODE = "org.dtenge.node.";

    /** Request-thread rules, most specific first: the first that matches names the sample. */
    private static final List<Rule> REQUEST_RULES = List.of(
            new Rule("request: auth, Ed25519 verify of the request signature",
                    List.of(NODE + "auth.RequestAuthenticator"), List.of("org.bouncycastle.")),
            new Rule("request: auth, the rest (SHA-256 of body, canonical text, nonce window)",
                    List.of(NODE + "auth.RequestAuthenticator", NODE + "auth.NonceWindow", NODE + "http.Signed.authenticate"),
                    List.of()),
            new Rule("request: Ed25519 verify of the payment signature",
                    List.of(NODE + "auth.Signatures", NODE + "payment.PaymentOrder.verify"), List.of()),
            new Rule("request: receipt (batch Merkle tree, audit path, encoding)",
                    List.of(NODE + "chain.RecentBatches", NODE + "chain.BatchTree", NODE + "chain.Receipts",
                            "org.dtenge.journal.Receipt", NODE + "http.Views.receipt"), List.of()),
            new Rule("request: JSON read (Jackson, into records)",
                    List.of(NODE + "http.Json.decode", NODE + "http.Call.body"), List.of()),
            new Rule("request: JSON write (views, Jackson)",
                    List.of(NODE + "http.Responses", NODE + "http.Views", "io.helidon.http.media.jackson.",
                            "com.fasterxml.jackson."), List.of()),
            new Rule("request: read body (Helidon entity stream)", List.of(NODE + "http.Signed.body"), List.of()),
            new Rule("request: submit to sequencer and wait (queue, futures, park)",
                    List.of(NODE + "chain.LedgerGate"), List.of()),
            new Rule("request: metrics (Micrometer timer per request)", List.of("io.micrometer."), List.of()),
            new Rule("request: node logic (fields, addresses, access, batch packing)", List.of(NODE), List.of()),
            new Rule("request: HTTP server (Helidon: read, parse, route, write)", List.of("io.helidon."), List.of()),
            new Rule("virtual-thread scheduling", List.of("java.lang.VirtualThread", "java.util.concurrent.ForkJoin"),
                    List.of()));

    /**
     * The category of one sample: by thread for the load generator and the node's pipeline threads,
     * else (a request's virtual thread, or its carrier) by the first {@link #REQUEST_RULES rule} its
     * stack matches; {@code frames} are "class.method", innermost first.
     */
    static String classify(String thread, List<String> frames) {
        String role = ThreadCpu.role(thread);
        if (role.equals(ThreadCpu.CLIENT) || frames.stream().anyMatch(f -> f.startsWith("org.dtenge.bench.")
                || f.startsWith("jdk.internal.net.http.") || f.startsWith("java.net.http."))) {
            return ThreadCpu.CLIENT;
        }
        if (!role.startsWith("other: ") && !role.equals(ThreadCpu.CARRIERS)) {
            return "pipeline: " + role;
        }
        for (Rule rule : REQUEST_RULES) {
            if (rule.matches(frames)) {
                return rule.category();
            }
        }
        if (frames.isEmpty()) {
            return "other: no Java frames";
        }
        String innermost = frames.getFirst();
        int dot = innermost.lastIndexOf('.');
        return "other: " + (dot > 0 ? innermost.substring(0, dot) : innermost);
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts, int limit) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
