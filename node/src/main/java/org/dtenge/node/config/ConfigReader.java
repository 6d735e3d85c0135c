package org.dtenge.node.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.money.Tenge;

/**
 * Reads a {@link NodeConfig}: built-in defaults, overridden by a properties file ({@code --config}),
 * overridden by environment variables ({@code DTENGE_} and the key in upper case with dots and dashes
 * as underscores: {@code port} is {@code DTENGE_PORT}, {@code tier.anonymous.holding-limit} is
 * {@code DTENGE_TIER_ANONYMOUS_HOLDING_LIMIT}), overridden by command-line flags. A key the node does
 * not know, in the file or as a flag, is an error, so that a typo never goes unnoticed.
 */
public final class ConfigReader {
    private static final Map<String, String> DEFAULTS = defaults();

    private ConfigReader() {}

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data-dir", "data");
        d.put("host", "127.0.0.1");
        d.put("port", "8080");
        d.put("genesis", "");
        d.put("request-bytes-max", Integer.toString(64 * 1024));
        d.put("batch-request-bytes-max", Integer.toString(8 * 1024 * 1024));
        d.put("clock-skew-seconds", "60");
        d.put("statistics-group-min", "10");
        // Anonymous wallets as in the pilot: small balances, so that they carry little AML risk.
        d.put("tier.anonymous.holding-limit", "100000.00");
        d.put("tier.anonymous.payment-limit", "50000.00");
        d.put("tier.anonymous.daily-limit", "100000.00");
        d.put("tier.simplified.holding-limit", "1000000.00");
        d.put("tier.simplified.payment-limit", "500000.00");
        d.put("tier.simplified.daily-limit", "1000000.00");
        d.put("tier.full.holding-limit", "20000000.00");
        d.put("tier.full.payment-limit", "10000000.00");
        d.put("tier.full.daily-limit", "20000000.00");
        d.put("ledger.accounts-expected", "100000");
        d.put("ledger.transfers-expected", "1000000");
        d.put("sequencer.queue-capacity", "65536");
        d.put("sequencer.snapshot-every-events", "50000000");
        // 0: a batch is sealed as soon as the queue is empty. At 10,000 payments/s that makes batches of
        // 2.6 payments, each with its own write and fsync; 1000 (one batch a millisecond at most) took
        // 6-9 us of CPU off each payment and half the disk requests, but added 0.5 ms to the median and
        // left the tail where it was (docs/benchmarks.md, 2026-12-04): a choice for the operator.
        d.put("sequencer.batch-interval-micros", "0");
        d.put("answer-timeout-seconds", "30");
        d.put("verifier-threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        // Single payments' signatures are checked together, 20 us each for eight against 36 us for one
        // alone; a signature may wait this long for others to join it (docs/benchmarks.md, 2026-12-04).
        d.put("verifier-linger-micros", "500");
        return d;
    }

    /** The keys a node knows, for documentation and error messages. */
    public static List<String> keys() {
        return List.copyOf(DEFAULTS.keySet());
    }

    public static NodeConfig defaultsOnly() {
        return read(Optional.empty(), Map.of(), Map.of());
    }

    /**
     * @param file  a properties file, if given
     * @param env   the environment (System.getenv())
     * @param flags values from the command line, by key
     */
    public static NodeConfig read(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        file.ifPresent(path -> values.putAll(checked(load(path), path.toString())));
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        values.putAll(checked(flags, "the command line"));
        return build(values);
    }

    public static String envName(String key) {
        return "DTENGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> load(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "cannot read the configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name).trim());
        }
        return values;
    }

    private static Map<String, String> checked(Map<String, String> values, String source) {
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw NodeException.of(ProblemType.CONFIGURATION, source + " sets unknown keys " + unknown + "; known keys: "
                    + DEFAULTS.keySet());
        }
        return values;
    }

    private static NodeConfig build(Map<String, String> v) {
        List<Tier> tiers = new ArrayList<>();
        String[] names = {"anonymous", "simplified", "full"};
        for (int i = 0; i < names.length; i++) {
            String prefix = "tier." + names[i] + ".";
            tiers.add(new Tier(i + 1, names[i], limit(v, prefix + "holding-limit"), limit(v, prefix + "payment-limit"),
                    limit(v, prefix + "daily-limit")));
        }
        String genesis = v.get("genesis");
        try {
            return new NodeConfig(Path.of(v.get("data-dir")), v.get("host"), integer(v, "port"),
                    genesis.isBlank() ? Optional.empty() : Optional.of(Path.of(genesis)), integer(v, "request-bytes-max"),
                    integer(v, "batch-request-bytes-max"), Duration.ofSeconds(integer(v, "clock-skew-seconds")),
                    integer(v, "statistics-group-min"), tiers, integer(v, "ledger.accounts-expected"),
                    integer(v, "ledger.transfers-expected"), integer(v, "sequencer.queue-capacity"),
                    Long.parseLong(v.get("sequencer.snapshot-every-events")),
                    Duration.ofSeconds(integer(v, "answer-timeout-seconds")), integer(v, "verifier-threads"),
                    Duration.ofNanos(integer(v, "verifier-linger-micros") * 1000L),
                    Duration.ofNanos(integer(v, "sequencer.batch-interval-micros") * 1000L));
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, "invalid configuration: " + e.getMessage());
        }
    }

    private static int integer(Map<String, String> v, String key) {
        try {
            return Integer.parseInt(v.get(key).trim());
        } catch (NumberFormatException e) {
            throw NodeException.of(ProblemType.CONFIGURATION, key + " must be a whole number, not \"" + v.get(key) + "\"");
        }
    }

    /** A limit in tenge ("100000.00"), or "none". */
    private static long limit(Map<String, String> v, String key) {
        String text = v.get(key).trim();
        if (text.equalsIgnoreCase("none")) {
            return Tier.NO_LIMIT;
        }
        return switch (Tenge.parse(text)) {
            case Tenge.Parsed.Valid valid -> valid.tiyn();
            case Tenge.Parsed.Invalid invalid -> throw NodeException.of(ProblemType.CONFIGURATION,
                    key + ": " + invalid.reason() + " (or \"none\")");
        };
    }
}
