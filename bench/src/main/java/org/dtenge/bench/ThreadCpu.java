package org.dtenge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time by thread role over a phase, from the thread MX bean: the node's pipeline threads
 * (sequencer, journal, sync, projection, verifiers), the virtual-thread carriers (which run the HTTP
 * server's connections and request handlers: the load generator uses platform threads, so the
 * carriers' time is the node's), the load generator, and the JVM's own threads (the JIT compilers and
 * the garbage collector, which are not Java threads: read from /proc/self/task on Linux; whatever
 * else the process spent is "JVM, other"). Also how busy the whole machine was, so that CPU taken by
 * other processes during a run shows.
 */
final class ThreadCpu {
    static final String CLIENT = "load generator (client threads)";
    static final String CARRIERS = "HTTP requests (virtual-thread carriers: Helidon + handlers)";
    static final String POLLER = "HTTP sockets (virtual-thread I/O poller)";
    static final String DELAYS = "timed waits (delay scheduler: future.get with a timeout)";
    static final String JIT = "JVM: JIT compiler threads";
    static final String GC = "JVM: garbage collector threads";
    static final String VM_THREAD = "JVM: VM thread (safepoint operations)";
    static final String VM = "JVM: other (threads that ended, other VM threads)";
    /** Linux reports thread and machine CPU in ticks of 10 ms (USER_HZ = 100 on every architecture Java runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {}

    /**
     * CPU nanoseconds per Java thread id (with its name), of the JVM's own threads by kind, of the whole
     * process, and of the whole machine (all cores, busy time), at one moment.
     */
    record Snapshot(Map<Long, String> names, Map<Long, Long> nanos, Map<String, Long> vmNanos, long processNanos,
                    long machineBusyNanos) {}

    static Snapshot take() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> nanos = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue; // ended meanwhile
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                nanos.put(info.getThreadId(), cpu);
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Snapshot(names, nanos, vmThreads(), process, machineBusy());
    }

    /** CPU of the JIT and GC threads, from /proc/self/task/N/stat (utime + stime); empty where there is no /proc. */
    private static Map<String, Long> vmThreads() {
        Map<String, Long> kinds = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(
                Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String kind = vmKind(comm);
                    if (kind != null) {
                        kinds.merge(kind, ticks(Files.readString(task.resolve("stat"))) * NANOS_PER_TICK,
                                Long::sum);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /** The JVM thread kind of a native thread name (as /proc shows it, at most 15 characters), or null. */
    static String vmKind(String comm) {
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("GC ")) {
            return GC;
        }
        if (comm.equals("VM Thread")) {
            return VM_THREAD;
        }
        return null;
    }

    /**
     * utime + stime (fields 14 and 15 of proc(5)) of a /proc/.../stat line. The name (field 2) may hold
     * spaces and parentheses, so fields are counted from after its last ")": field 3 is the first there.
     */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split(" ");
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** Busy time of all cores since boot (everything but idle and iowait), from /proc/stat; 0 where there is none. */
    static long machineBusy() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU the rest of the machine (other processes) used between the snapshots. */
    static long othersNanos(Snapshot before, Snapshot after) {
        long machine = after.machineBusyNanos() - before.machineBusyNanos();
        return Math.max(0, machine - (after.processNanos() - before.processNanos()));
    }

    /**
     * CPU nanoseconds spent between the snapshots, by role, largest first, with {@link #VM} for the
     * process time no thread accounts for. A thread that ended between them is not seen: the load
     * generator's threads report their own time ({@code endedClientNanos}); any other lands in {@link #VM}.
     */
    static Map<String, Long> byRole(Snapshot before, Snapshot after, long endedClientNanos) {
        Map<String, Long> roles = new TreeMap<>();
        long javaThreads = 0;
        for (Map.Entry<Long, Long> thread : after.nanos().entrySet()) {
            long spent = thread.getValue() - before.nanos().getOrDefault(thread.getKey(), 0L);
            roles.merge(role(after.names().get(thread.getKey())), spent, Long::sum);
            javaThreads += spent;
        }
        long vm = 0;
        for (Map.Entry<String, Long> kind : after.vmNanos().entrySet()) {
            long spent = kind.getValue() - before.vmNanos().getOrDefault(kind.getKey(), 0L);
            roles.put(kind.getKey(), spent);
            vm += spent;
        }
        // Client threads that ended before the second snapshot reported their own time: theirs, not the JVM's.
        roles.merge(CLIENT, endedClientNanos, Long::sum);
        roles.put(VM, Math.max(0, after.processNanos() - before.processNanos() - javaThreads - vm - endedClientNanos));
        Map<String, Long> sorted = new LinkedHashMap<>();
        roles.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The role of a thread, by its name. */
    static String role(String name) {
        if (name.startsWith("bench-") || name.startsWith("HttpClient-") || name.equals("main")) {
            return CLIENT; // the bench's main thread runs the open loop's dispatcher; the node never runs on it
        }
        if (name.equals("MasterPoller") || name.endsWith("-Poller")) {
            return POLLER;
        }
        if (name.startsWith("ForkJoinPool-") && name.endsWith("-delayScheduler")) {
            return DELAYS;
        }
        if (name.startsWith("ForkJoinPool-") && name.contains("-worker-")) {
            return CARRIERS; // the virtual-thread scheduler's pool (the common pool is "ForkJoinPool.commonPool-...")
        }
        return switch (name.replaceAll("-?[0-9]+$", "")) {
            case "dtenge-sequencer" -> "sequencer (form batch, ledger apply)";
            case "dtenge-journal" -> "journal (Merkle root, CRC, write)";
            case "dtenge-sync" -> "sync (fsync, acknowledge, feed receipts and projection)";
            case "dtenge-projection" -> "projection (SQLite history and statistics)";
            case "dtenge-verifier" -> "batch signature verifiers";
            case "dtenge-verifier-one" -> "payment signature verifiers (Ed25519, one payment at a time)";
            case "dtenge-snapshot" -> "snapshot";
            default -> "other: " + name.replaceAll("[0-9]+", "N");
        };
    }
}
