package org.dtenge.testing;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A wall clock the simulation moves: mostly milliseconds at a time, sometimes past hold timeouts or
 * into the next ledger day, and sometimes backwards, as NTP does to real clocks. The sequencer must
 * keep ledger time moving forward whatever this says.
 */
final class SimulatedClock implements LongSupplier {
    private static final long SECOND = 1_000_000_000L;
    /** 2026-11-25 00:00 in Almaty. */
    private static final long START = 1_795_546_800L * SECOND;

    private final SplittableRandom random;
    private long nanos = START;

    SimulatedClock(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    void advance() {
        int roll = random.nextInt(100);
        if (roll < 80) {
            nanos += random.nextLong(1, 50_000_000);
        } else if (roll < 95) {
            nanos += random.nextLong(10, 90) * SECOND;
        } else if (roll < 98) {
            nanos -= random.nextLong(1, 5) * SECOND;
        } else {
            nanos += 86_400 * SECOND;
        }
    }
}
