package org.dtenge.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * {@code fsync [--dir D] [--syncs N] [--record BYTES] [--rounds R]} (D is created if missing; default
 * {@code .}): what one write and fdatasync costs on this machine's disk, the journal's way (appending
 * to a file that grows) against writing over a file whose bytes were written as zeros beforehand (its
 * length, and so its metadata, never changes). Each way runs R times, alternating. The CPU figure is the whole machine's busy time over the run (kernel
 * threads such as the file system's journal included) divided by the syncs: run it on a quiet machine.
 */
final class SyncCost {
    private SyncCost() {}

    static void run(String[] args) throws IOException {
        Path dir = Path.of(".");
        int syncs = 5_000;
        int record = 700;
        int rounds = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--syncs" -> syncs = Integer.parseInt(args[i + 1]);
                case "--record" -> record = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --dir D --syncs N --record BYTES --rounds R");
            }
        }
        if (syncs < 100 || record < 1) {
            throw new IllegalArgumentException("--syncs must be at least 100 and --record at least 1");
        }
        Files.createDirectories(dir);
        System.out.printf("write of %,d bytes then fdatasync, %,d times, in %s%n", record, syncs, dir.toAbsolutePath());
        for (int round = 0; round < rounds; round++) {
            for (boolean zeroed : new boolean[] {false, true}) {
                System.out.println(measure(dir, syncs, record, zeroed));
            }
        }
    }

    private static String measure(Path dir, int syncs, int record, boolean zeroed) throws IOException {
        Path file = Files.createTempFile(dir, "dtenge-fsync-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (zeroed) {
                ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
                for (long at = 0; at < (long) syncs * record; at += zeros.capacity()) {
                    channel.write(zeros.clear(), at);
                }
                channel.force(true);
            }
            ByteBuffer bytes = ByteBuffer.allocateDirect(record);
            for (int i = 0; i < record; i++) {
                bytes.put((byte) (i * 31 + 7));
            }
            long[] latency = new long[syncs];
            long busyBefore = ThreadCpu.machineBusy();
            long start = System.nanoTime();
            for (int i = 0; i < syncs; i++) {
                long t = System.nanoTime();
                channel.write(bytes.clear(), (long) i * record);
                channel.force(false);
                latency[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerSync = (ThreadCpu.machineBusy() - busyBefore) / 1e3 / syncs;
            Arrays.sort(latency);
            return String.format("  %-28s mean %6.1f us  p50 %6.1f  p99 %6.1f; machine CPU %5.1f us per sync",
                    zeroed ? "over zeros written before" : "appended (the file grows)", seconds * 1e6 / syncs,
                    latency[syncs / 2] / 1e3, latency[syncs * 99 / 100] / 1e3, cpuMicrosPerSync);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
