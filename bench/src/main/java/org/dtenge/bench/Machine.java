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
