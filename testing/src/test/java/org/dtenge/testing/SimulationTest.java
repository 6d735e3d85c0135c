package org.dtenge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Runs a bounded number of simulation seeds in every build ({@code -Dsim.seeds=N} to change it; the
 * soak runs thousands through {@code dtenge-sim --soak}). A failure names the seed that replays it.
 */
class SimulationTest {
    private static final long SEEDS = Long.getLong("sim.seeds", 100);
    private static final int STEPS = Integer.getInteger("sim.steps", 400);

    @Test
    void everySeedKeepsTheInvariants() {
        Simulation.Stats total = new Simulation.Stats();
        for (long seed = 1; seed <= SEEDS; seed++) {
            total.add(new Simulation(seed, STEPS).run());
        }
        System.out.println(SEEDS + " simulation seeds: " + total);
        assertThat(total.crashes).as("the simulation crashes the node").isPositive();
        assertThat(total.fsyncFailures).as("the simulation fails fsyncs").isPositive();
        assertThat(total.corruptionsDetected).as("the simulation catches corruption").isPositive();
        assertThat(total.acknowledgedEvents).as("work gets acknowledged").isGreaterThan(SEEDS * 100);
    }

    @Test
    void aSeedReplaysExactly() {
        Simulation.Stats first = new Simulation(7, 300).run();
        Simulation.Stats again = new Simulation(7, 300).run();
        assertThat(again.toString()).isEqualTo(first.toString());
    }

    @Test
    void theAuditorNoticesADiskThatLiesAboutFsync() {
        assertThatThrownBy(() -> {
            for (long seed = 1; seed <= 20; seed++) {
                new Simulation(seed, STEPS).withLyingDisk().run();
            }
        }).isInstanceOf(AssertionError.class).hasMessageContaining("simulation seed"); // lost data or refused start
    }
}
