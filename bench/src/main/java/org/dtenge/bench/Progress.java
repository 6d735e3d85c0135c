package org.dtenge.bench;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on the terminal for the phase that is running: transfers done of those it may do,
 * or time used of the time it may take, whichever is further, with the rate so far. Redrawn in place
 * four times a second on standard error, and only when that is a terminal (a log file gets the phase
 * lines that the caller prints instead). Counting is one atomic add per unit of work.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean drawing;
    private final AtomicLong done = new AtomicLong();
    private final Thread painter;
    private volatile String label = "";
    private volatile long total;
    private volatile long durationNanos;
    private volatile long startNanos;
    private volatile boolean active;

    Progress(PrintStream out, boolean drawing) {
        this.out = out;
        this.drawing = drawing;
        this.painter = Thread.ofPlatform().daemon().name("bench-progress").unstarted(this::paint);
        if (drawing) {
            painter.start();
        }
    }

    /** Draws only when standard error is a terminal. */
    static Progress onTerminal() {
        java.io.Console console = System.console();
        return new Progress(System.err, console != null && console.isTerminal());
    }

    /** A phase of at most {@code total} transfers and, if {@code durationNanos} is above 0, that long. */
    void begin(String phase, long totalTransfers, long phaseNanos) {
        label = phase;
        total = totalTransfers;
        durationNanos = phaseNanos;
        done.set(0);
        startNanos = System.nanoTime();
        active = true;
    }

    void advance(long transfers) {
        done.addAndGet(transfers);
    }

    void end() {
        if (active && drawing) {
            draw();
            out.println();
        }
        active = false;
    }

    /** The bar as it would be drawn now. */
    String line() {
        long elapsed = System.nanoTime() - startNanos;
        double byCount = total > 0 ? (double) done.get() / total : 0;
        double byTime = durationNanos > 0 ? (double) elapsed / durationNanos : 0;
        double fraction = Math.min(1, Math.max(byCount, byTime));
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("\r%-34s [%s%s] %3.0f%%  %,12d transfers  %,10.0f/s  %5.1f s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * fraction, done.get(), done.get() * 1e9 / Math.max(1, elapsed), elapsed / 1e9);
    }

    private void draw() {
        out.print(line());
        out.flush();
    }

    private void paint() {
        while (true) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            if (active) {
                draw();
            }
        }
    }

    @Override
    public void close() {
        end();
        painter.interrupt();
    }
}
