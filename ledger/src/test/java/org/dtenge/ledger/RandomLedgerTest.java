package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded random batches against the ledger's invariants: value is conserved, only the issuer goes
 * negative, holds never exceed the balance, limits hold, ids are unique; and a ledger restored from an
 * image, or rebuilt by replaying the same batches, is byte-for-byte the same. A failure names its seed.
 */
class RandomLedgerTest {
    private static final int SEEDS = Integer.getInteger("ledger.seeds", 60);

    @Test
    void invariantsHoldForManySeeds() throws IOException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            try {
                run(seed);
            } catch (AssertionError | RuntimeException | IOException e) {
                throw new AssertionError("seed " + seed + " failed (run with -Dledger.seed=" + seed + ")", e);
            }
        }
    }

    private static void run(long seed) throws IOException {
        RandomWorkload workload = new RandomWorkload(seed);
        Fixture live = new Fixture();
        List<EventBatch> journal = new ArrayList<>();
        workload.genesis(live.batch);
        journal.add(copyOf(live.batch, live.now + Fixture.SECOND));
        assertThat(live.commit()).containsOnly(Result.OK);
        for (int b = 0; b < 40; b++) {
            workload.fill(live.batch, 1 + (int) (seed * 31 + b) % 120);
            long at = live.now + workload.gapSeconds() * Fixture.SECOND;
            journal.add(copyOf(live.batch, at));
            live.commitAt(at);
            Invariants.check(live.ledger);
            if (b == 20) {
                Ledger restored = roundTrip(live.ledger);
                assertThat(restored.stateDigest()).isEqualTo(live.ledger.stateDigest());
            }
        }
        Fixture replayed = new Fixture();
        for (EventBatch batch : journal) {
            replayed.batch.copyFrom(batch);
            replayed.commitAt(batch.timestampNanos());
        }
        assertThat(replayed.ledger.stateDigest()).isEqualTo(live.ledger.stateDigest());
    }

    private static EventBatch copyOf(EventBatch batch, long timestampNanos) {
        EventBatch copy = new EventBatch();
        copy.copyFrom(batch);
        copy.timestampNanos(timestampNanos);
        return copy;
    }

    static Ledger roundTrip(Ledger ledger) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.capture().writeTo(Channels.newChannel(bytes));
        return Ledger.restore(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())),
                new BuiltInPolicies());
    }
}
