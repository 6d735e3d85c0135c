package org.dtenge.ledger;

/** EXPERIMENT, not for commit: a timeline of events, dumped at exit to the file -Ddtenge.trace names. */
public final class Trace {
    public static final boolean ON = System.getProperty("dtenge.trace") != null;
    private static final int N = 3_000_000;
    private static final long[] A = ON ? new long[N * 3] : null;
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    static {
        if (ON) {
            long uptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            rec(0, System.nanoTime(), uptimeMs * 1_000_000L);
            Runtime.getRuntime().addShutdownHook(new Thread(Trace::dump));
        }
    }

    private Trace() {}

    public static void rec(long kind, long startNanos, long durationNanos) {
        if (!ON) {
            return;
        }
        int i = COUNT.getAndIncrement();
        if (i < N) {
            A[3 * i] = kind;
            A[3 * i + 1] = startNanos;
            A[3 * i + 2] = durationNanos;
        }
    }

    private static void dump() {
        try (java.io.PrintWriter out = new java.io.PrintWriter(System.getProperty("dtenge.trace"))) {
            int n = Math.min(COUNT.get(), N);
            for (int i = 0; i < n; i++) {
                out.println(A[3 * i] + " " + A[3 * i + 1] + " " + A[3 * i + 2]);
            }
        } catch (java.io.IOException e) {
            System.err.println("trace: " + e);
        }
    }
}
