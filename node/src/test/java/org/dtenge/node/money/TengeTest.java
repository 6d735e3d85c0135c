package org.dtenge.node.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TengeTest {
    @ParameterizedTest
    @CsvSource({"1500, 150000", "1500.5, 150050", "1500.05, 150005", "0.01, 1", "007.10, 710",
        "92233720368547758.07, 9223372036854775807"})
    void parsesTengeIntoTiyn(String text, long tiyn) {
        assertThat(Tenge.parse(text)).isEqualTo(new Tenge.Parsed.Valid(tiyn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0.00", "-1", "1.001", ".5", "5.", "1,5", "1 000", "+1", "1e2", "٣", "92233720368547758.08",
        "100000000000000000000"})
    void refusesAnythingElse(String text) {
        assertThat(Tenge.parse(text)).isInstanceOf(Tenge.Parsed.Invalid.class);
    }

    @Test
    void formatsWithTwoDecimalsAndRoundTrips() {
        assertThat(Tenge.format(0)).isEqualTo("0.00");
        assertThat(Tenge.format(5)).isEqualTo("0.05");
        assertThat(Tenge.format(-150_050)).isEqualTo("-1500.50");
        assertThat(Tenge.format(Long.MIN_VALUE)).isEqualTo("-92233720368547758.08");
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            long tiyn = 1 + random.nextLong(Long.MAX_VALUE);
            assertThat(Tenge.parse(Tenge.format(tiyn))).as("seed %d", seed).isEqualTo(new Tenge.Parsed.Valid(tiyn));
        }
    }
}
