package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampler against the distribution it claims: each rank's share within a few standard errors. */
class ZipfTest {
    private static final int DRAWS = 400_000;

    @Test
    void classicZipfMatchesOneOverRank() {
        checkShares(50, 1.0, 1);
    }

    @Test
    void steeperAndFlatterExponentsMatchToo() {
        checkShares(50, 2.0, 2);
        checkShares(20, 0.5, 3);
    }

    @Test
    void exponentZeroIsUniform() {
        checkShares(10, 0.0, 4);
    }

    @Test
    void aMillionRanksStayInRangeAndRankOneLeads() {
        Zipf zipf = new Zipf(1_000_000, 1.0, new SplittableRandom(5));
        int ones = 0;
        for (int i = 0; i < 100_000; i++) {
            int rank = zipf.next();
            assertThat(rank).isBetween(1, 1_000_000);
            ones += rank == 1 ? 1 : 0;
        }
        // P(rank 1) = 1 / H(10^6) = 1 / 14.39, about 6,950 of 100,000 draws.
        assertThat(ones).isBetween(6_500, 7_400);
    }

    private static void checkShares(int n, double exponent, long seed) {
        Zipf zipf = new Zipf(n, exponent, new SplittableRandom(seed));
        long[] counts = new long[n + 1];
        for (int i = 0; i < DRAWS; i++) {
            counts[zipf.next()]++;
        }
        double norm = 0;
        for (int k = 1; k <= n; k++) {
            norm += Math.pow(k, -exponent);
        }
        for (int k = 1; k <= n; k++) {
            double p = Math.pow(k, -exponent) / norm;
            double sigma = Math.sqrt(DRAWS * p * (1 - p));
            assertThat((double) counts[k])
                    .as("rank %d of %d at exponent %s, seed %d", k, n, exponent, seed)
                    .isCloseTo(DRAWS * p, org.assertj.core.data.Offset.offset(5 * sigma + 1));
        }
    }
}
