package org.dtenge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
    private record Pair(long hi, long lo) {}

    @Test
    void holdsWhatWasAddedAndNothingElseAsItGrows() {
        Random random = new Random(20261203);
        FingerprintSet set = new FingerprintSet(0);
        Set<Pair> added = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            Pair p = new Pair(random.nextLong(), random.nextLong());
            assertThat(set.add(p.hi(), p.lo())).isEqualTo(added.add(p));
        }
        assertThat(set.size()).isEqualTo(added.size());
        assertThat(set.capacity()).isGreaterThanOrEqualTo((int) (added.size() / 0.7));
        for (Pair p : added) {
            assertThat(set.contains(p.hi(), p.lo())).isTrue();
            assertThat(set.add(p.hi(), p.lo())).isFalse();
        }
        for (int i = 0; i < 200_000; i++) {
            Pair p = new Pair(random.nextLong(), random.nextLong());
            assertThat(set.contains(p.hi(), p.lo())).isEqualTo(added.contains(p));
        }
        assertThat(set.size()).isEqualTo(added.size());
    }

    @Test
    void fingerprintsThatShareTheirLowBitsProbeOnward() {
        FingerprintSet set = new FingerprintSet(100);
        int slots = set.capacity();
        for (long i = 1; i <= 60; i++) {
            assertThat(set.add(i * slots, 0)).isTrue(); // every one lands on slot 0 first
        }
        for (long i = 1; i <= 60; i++) {
            assertThat(set.contains(i * slots, 0)).isTrue();
        }
        assertThat(set.contains(61L * slots, 0)).isFalse();
        assertThat(set.contains(0, 1)).isFalse();
    }

    @Test
    void isSizedForWhatItExpects() {
        assertThat(new FingerprintSet(0).capacity()).isEqualTo(16);
        FingerprintSet set = new FingerprintSet(1_000_000);
        int slots = set.capacity();
        assertThat(slots).isEqualTo(2_097_152);
        for (long i = 1; i <= 1_000_000; i++) {
            set.add(i * 0x9E3779B97F4A7C15L, i);
        }
        assertThat(set.capacity()).isEqualTo(slots);
    }

    @Test
    void refusesTheEmptyMark() {
        FingerprintSet set = new FingerprintSet(16);
        assertThatThrownBy(() -> set.add(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(set.add(0, 1)).isTrue();
        assertThat(set.add(1, 0)).isTrue();
        assertThat(set.contains(0, 1)).isTrue();
        assertThat(set.contains(1, 0)).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }
}
