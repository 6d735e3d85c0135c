package org.dtenge.bench;

import java.util.SplittableRandom;

/**
 * Draws ranks {@code 1..n} with probability proportional to {@code 1 / rank^exponent}: a few wallets
 * (a supermarket chain, a utility) take part in many payments, most in few.
 *
 * <p>Rejection-inversion sampling (W. Hörmann and G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 1996), the method Apache Commons uses:
 * constant time and no table, so it suits a million ranks as well as ten. It inverts the integral of
 * the continuous hat {@code h(x) = x^-exponent} and accepts almost every draw (the rejection test
 * fails rarely, and never for rank 1). Exponent 0 is uniform.
 *
 * <p>Seeded and not thread-safe: one sampler per generating thread.
 */
final class Zipf {
    private final int n;
    private final double exponent;
    private final SplittableRandom random;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double s;

    Zipf(int n, double exponent, SplittableRandom random) {
        if (n < 1) {
            throw new IllegalArgumentException("a Zipf distribution needs at least one rank: " + n);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("the Zipf exponent must be finite and at least 0: " + exponent);
        }
        this.n = n;
        this.exponent = exponent;
        this.random = random;
        this.hIntegralX1 = hIntegral(1.5) - 1;
        this.hIntegralN = hIntegral(n + 0.5);
        this.s = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
    }

    /** A rank from 1 (the most frequent) to n. */
    int next() {
        while (true) {
            double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
            double x = hIntegralInverse(u);
            int k = (int) (x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            // The hat covers the histogram; accept when the draw falls under the bar of rank k.
            if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
                return k;
            }
        }
    }

    /** H(x), an integral of h with H(x) -> log(x) as the exponent -> 1. */
    private double hIntegral(double x) {
        double logX = Math.log(x);
        return expm1OverX((1 - exponent) * logX) * logX;
    }

    private double h(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    private double hIntegralInverse(double x) {
        double t = Math.max(-1, x * (1 - exponent));
        return Math.exp(log1pOverX(t) * x);
    }

    /** log(1 + x) / x, continuous at 0 (Taylor series there, where the quotient loses precision). */
    private static double log1pOverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
    }

    /** (exp(x) - 1) / x, continuous at 0. */
    private static double expm1OverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x));
    }
}
