package org.dtenge.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a node is configured with. Built by {@link ConfigReader} from defaults, a properties
 * file, environment variables and command-line flags, in that order of precedence.
 *
 * @param dataDir             journal, snapshots, projections.db and keys/ live here
 * @param genesisFile         the pilot network to create on first start; empty: the built-in one
 * @param requestBytesMax     largest body of an ordinary request
 * @param batchRequestBytesMax largest body of a batch of transfers
 * @param clockSkew           how far a request's timestamp may be from the node's clock
 * @param statisticsGroupMin  statistics groups with fewer distinct wallets are suppressed
 * @param tiers               the wallet tiers, by name
 * @param answerTimeout       how long a request waits for the ledger before answering "outcome unknown"
 * @param verifierThreads     threads that check the wallet signatures of a batch of transfers, and as many for
 *                            single payments
 * @param verifierLinger      how long a single payment's signature may wait for others to be checked with it
 *                            (0 to 100 ms)
 * @param batchInterval       a journal batch that is not full is sealed no sooner than this after the one
 *                            before (0, the default, to 1 s): under load, payments then share writes and
 *                            fsyncs, for up to this much more latency ({@link org.dtenge.sequencer.SequencerConfig})
 */
public record NodeConfig(Path dataDir, String host, int port, Optional<Path> genesisFile, int requestBytesMax,
                         int batchRequestBytesMax, Duration clockSkew, int statisticsGroupMin, List<Tier> tiers,
                         int accountsExpected, int transfersExpected, int queueCapacity, long snapshotEveryEvents,
                         Duration answerTimeout, int verifierThreads, Duration verifierLinger, Duration batchInterval) {
    public NodeConfig {
        tiers = List.copyOf(tiers);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0: any free port), not " + port);
        }
        if (requestBytesMax < 1024 || batchRequestBytesMax < requestBytesMax) {
            throw new IllegalArgumentException("request size limits must be at least 1 KiB, the batch one at least the other");
        }
        if (clockSkew.isNegative() || clockSkew.isZero()) {
            throw new IllegalArgumentException("clock skew must be positive");
        }
        if (statisticsGroupMin < 1) {
            throw new IllegalArgumentException("statistics minimum group size must be at least 1");
        }
        if (verifierThreads < 1 || queueCapacity < 1 || accountsExpected < 0 || transfersExpected < 0) {
            throw new IllegalArgumentException("verifier threads and queue capacity must be positive, sizes not negative");
        }
        if (verifierLinger.isNegative() || verifierLinger.compareTo(Duration.ofMillis(100)) > 0) {
            throw new IllegalArgumentException("the verifier's linger must be from 0 to 100 ms, not "
                    + verifierLinger.toNanos() / 1000 + " us");
        }
        if (batchInterval.isNegative() || batchInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the batch interval must be from 0 to 1 s, not " + batchInterval.toNanos() / 1000
                    + " us");
        }
    }

    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Tier> tier(int code) {
        return tiers.stream().filter(t -> t.code() == code).findFirst();
    }

    /** A copy with another data directory and port: what tests and the CLI change most. */
    public NodeConfig with(Path newDataDir, int newPort) {
        return new NodeConfig(newDataDir, host, newPort, genesisFile, requestBytesMax, batchRequestBytesMax, clockSkew,
                statisticsGroupMin, tiers, accountsExpected, transfersExpected, queueCapacity, snapshotEveryEvents,
                answerTimeout, verifierThreads, verifierLinger, batchInterval);
    }
}
