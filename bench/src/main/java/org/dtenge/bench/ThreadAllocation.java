package org.dtenge.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes a thread has allocated since it started, from HotSpot's per-thread counter (exact, and cheap
 * enough to read around a measured phase). Read it before and after: the difference divided by the
 * events is the allocation per event on that thread.
 */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final long threadId;

    private ThreadAllocation(String name, long threadId) {
        this.name = name;
        this.threadId = threadId;
    }

    /** The live thread called {@code name}; there must be exactly one. */
    static ThreadAllocation named(String name) {
        long id = -1;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                if (id != -1) {
                    throw new IllegalStateException("more than one thread is called " + name);
                }
                id = thread.threadId();
            }
        }
        if (id == -1) {
            throw new IllegalStateException("no live thread is called " + name);
        }
        return new ThreadAllocation(name, id);
    }

    /** Bytes all live Java threads have allocated since they started, and those that ended too. */
    static long all() {
        return THREADS.getTotalThreadAllocatedBytes();
    }

    static ThreadAllocation current() {
        return new ThreadAllocation(Thread.currentThread().getName(), Thread.currentThread().threadId());
    }

    String name() {
        return name;
    }

    long bytes() {
        long bytes = THREADS.getThreadAllocatedBytes(threadId);
        if (bytes < 0) {
            throw new IllegalStateException("this JVM does not count allocation per thread (thread " + name + ")");
        }
        return bytes;
    }
}
