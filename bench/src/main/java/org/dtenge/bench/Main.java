package org.dtenge.bench;

import java.util.Arrays;

/**
 * {@code java -jar dtenge-bench.jar <command> [arguments]}:
 * <ul>
 *   <li>{@code jmh [JMH arguments]}: the JMH benchmarks ({@link ApplyBenchmark}, {@link DurableBenchmark});
 *       for example {@code jmh -prof gc -f 1 -wi 3 -i 5};</li>
 *   <li>{@code throughput [options]}: the end-to-end run, see {@link ThroughputOptions};</li>
 *   <li>{@code memory [--accounts N] [--unsized]}: heap per account, see {@link MemoryFootprint};</li>
 *   <li>{@code http [options]}: a real node in this process under HTTP load (signed payments, batches),
 *       see {@link HttpBench} and {@link HttpOptions};</li>
 *   <li>{@code compare [options]}: one workload against dtenge and PostgreSQL side by side, see {@link Compare}
 *       and {@link CompareOptions} ({@code dtenge bench} runs the same);</li>
 *   <li>{@code floor [--server helidon|sockets] [--verify true|false]}: what one request per payment
 *       can reach on this machine at best, see {@link Floor};</li>
 *   <li>{@code fsync [--dir D] [--syncs N] [--record BYTES] [--rounds R]}: one write and fdatasync,
 *       appended against written over zeros, see {@link SyncCost}.</li>
 * </ul>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "throughput" -> Throughput.run(ThroughputOptions.parse(rest));
            case "memory" -> MemoryFootprint.run(rest);
            case "http" -> HttpBench.run(HttpOptions.parse(rest));
            case "compare" -> Compare.run(rest);
            case "floor" -> Floor.run(rest);
            case "fsync" -> SyncCost.run(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar dtenge-bench.jar jmh [JMH arguments]
                       java -jar dtenge-bench.jar throughput [options]   (--help lists them)
                       java -jar dtenge-bench.jar memory [--accounts N] [--unsized]
                       java -jar dtenge-bench.jar http [options]         (--help lists them)
                       java -jar dtenge-bench.jar compare [options]      (--help lists them)
                       java -jar dtenge-bench.jar floor [--server helidon|sockets] [--verify true|false] [--clients C] [--duration S]
                       java -jar dtenge-bench.jar fsync [--dir D] [--syncs N] [--record BYTES] [--rounds R]""");
    }
}
