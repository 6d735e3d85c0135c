package org.dtenge.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The machine a run measured: cores, CPU model, memory, Java, collector. */
final class Machine {
    private Machine() {}

    static void print(PrintStream out) {
        Runtime runtime = Runtime.getRuntime();
        out.printf("machine         %d processors (nproc), %s, %s%n", runtime.availableProcessors(), cpuModel(), memory());
        out.printf("java            %s (%s %s), %s, max heap %,d MiB, GC %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), runtime.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        out.printf("speed           %.1f us per Ed25519 verification (%s) in a loop on one thread, best of 5 rounds of 2,000"
                + " (a yardstick: compare runs through it)%n",
                verifyMicros(), org.dtenge.node.auth.Signatures.implementation());
    }

    /**
     * A yardstick of the CPU as the run found it. A shared virtual machine is slower or faster by the
     * hour: on 2026-12-03 this loop took 38.3 us at 11:25 and 44 us at 12:35, and every figure of the
     * HTTP bench moved with it.
     */
    static double verifyMicros() {
        org.dtenge.node.auth.SigningKey key = org.dtenge.node.auth.SigningKey.fromSeed(new byte[32]);
        byte[] message = new byte[200];
        byte[] signature = key.sign(message);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                if (!org.dtenge.node.auth.Signatures.verify(key.publicKey(), message, signature)) {
                    throw new IllegalStateException("the yardstick's own signature failed to verify");
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 2_000 / 1_000.0);
        }
        return best;
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
