package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Memory of processes as Linux reports it in {@code /proc}: resident set size (RSS) and proportional set
 * size (PSS). For a server of many processes sharing memory, as PostgreSQL's backends share its buffers,
 * the sum of RSS counts the shared pages once per process; the sum of PSS counts them once in all.
 */
final class ProcessMemory {
    private ProcessMemory() {}

    /** What a target used; each figure is absent when it could not be read. */
    record Use(OptionalLong heapBytes, OptionalLong rssBytes, OptionalLong pssBytes, String what) {
        static Use unknown(String why) {
            return new Use(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), why);
        }
    }

    /** This JVM: heap used after a full collection, and the process's RSS. */
    static Use thisProcess(String what) {
        long heap = Throughput.heapUsedAfterGc();
        long pid = ProcessHandle.current().pid();
        return new Use(OptionalLong.of(heap), rss(pid), pss(pid), what);
    }

    /** A process and all its descendants: the sums of their RSS and PSS. */
    static Use tree(long pid, String what) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        long rss = 0;
        long pss = 0;
        boolean read = false;
        for (long p : pids) {
            OptionalLong r = rss(p);
            OptionalLong s = pss(p);
            if (r.isPresent() && s.isPresent()) {
                rss += r.getAsLong();
                pss += s.getAsLong();
                read = true;
            }
        }
        return read ? new Use(OptionalLong.empty(), OptionalLong.of(rss), OptionalLong.of(pss),
                what + " (" + pids.size() + " processes)") : Use.unknown("could not read /proc for process " + pid);
    }

    static OptionalLong rss(long pid) {
        return kilobytesField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    static OptionalLong pss(long pid) {
        return kilobytesField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    /** The value of a {@code Name:   123 kB} line, in bytes. */
    static OptionalLong kilobytesField(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(parseKilobytes(line.substring(name.length())));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // the process ended, or /proc is not there (not Linux): not measured
        }
    }

    static long parseKilobytes(String value) {
        String text = value.trim();
        if (!text.endsWith("kB")) {
            throw new IllegalArgumentException("not a kB figure: " + value);
        }
        return Long.parseLong(text.substring(0, text.length() - 2).trim()) * 1024;
    }
}
