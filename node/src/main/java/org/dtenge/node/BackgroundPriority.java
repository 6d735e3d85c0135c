package org.dtenge.node;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Lowers the CPU priority of the calling platform thread, for work that no answer waits for: on Linux,
 * {@code setpriority(PRIO_PROCESS, gettid(), nice)}, which sets one thread's nice value and needs no
 * privilege to raise it. Java's own thread priorities do nothing on Linux without root.
 *
 * <p>Why: the projection commits once a second, and at 10,000 payments/s a commit took 100 to 200 ms of
 * one core. For that long the request threads, the verifiers and the sequencer had one core between
 * them, fell behind, and a second's worth of payments waited up to 100 ms (docs/benchmarks.md). With a
 * nice value of 10 the kernel runs the projection in the time they leave; when they leave none it still
 * gets a share (the kernel weighs nice 10 at about a tenth of nice 0), so it never stops.
 *
 * <p>Elsewhere, or when the JVM may not call native code, it does nothing and answers false: the
 * thread then runs at the priority it had, as before.
 */
public final class BackgroundPriority {
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Calls> CALLS = Calls.bind();

    private BackgroundPriority() {}

    /** Sets the calling thread's nice value to {@code nice} (0 to 19); whether it could. */
    public static boolean lowerCurrentThread(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("a nice value to lower to is 0 to 19, not " + nice);
        }
        if (CALLS.isEmpty() || Thread.currentThread().isVirtual()) {
            return false;
        }
        try {
            int tid = (int) CALLS.get().gettid.invokeExact();
            return (int) CALLS.get().setpriority.invokeExact(PRIO_PROCESS, tid, nice) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The calling thread's nice value as the kernel reports it, if it can be read (for tests). */
    public static Optional<Integer> currentThreadNice() {
        if (CALLS.isEmpty()) {
            return Optional.empty();
        }
        try {
            int tid = (int) CALLS.get().gettid.invokeExact();
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/task/" + tid + "/stat"));
            // the command name, in parentheses, may hold spaces: count fields after its closing one
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(fields[16])); // field 19 of proc(5), the third being fields[0]
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    private record Calls(MethodHandle gettid, MethodHandle setpriority) {
        @SuppressWarnings("restricted")
        static Optional<Calls> bind() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                MethodHandle gettid = linker.downcallHandle(libc.findOrThrow("gettid"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT));
                MethodHandle setpriority = linker.downcallHandle(libc.findOrThrow("setpriority"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT));
                return Optional.of(new Calls(gettid, setpriority));
            } catch (Throwable e) {
                return Optional.empty(); // no such symbols, or native access not enabled
            }
        }
    }
}
