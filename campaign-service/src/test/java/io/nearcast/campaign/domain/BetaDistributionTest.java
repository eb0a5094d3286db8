package io.nearcast.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Beta distribution against closed forms and reference values (SciPy 1.x, {@code scipy.stats.beta}). */
class BetaDistributionTest {

    @Test
    void betaOneOneIsUniform() {
        for (double x = 0; x <= 1.0001; x += 0.05) {
            assertThat(BetaDistribution.cdf(x, 1, 1)).isCloseTo(Math.min(x, 1), within(1e-12));
            assertThat(BetaDistribution.quantile(Math.min(x, 1), 1, 1)).isCloseTo(Math.min(x, 1), within(1e-9));
        }
    }

    @ParameterizedTest(name = "Beta({1}, {2}) cdf({0}) = {3}")
    @CsvSource({
        "0.5,   2,   3,    0.6875",              // 11/16
        "0.3,   2,   2,    0.216",               // 3x² − 2x³
        "0.7,   5,   1,    0.16807",             // x⁵
        "0.2,   1,   3,    0.488",               // 1 − (1 − x)³
        "0.1,   11,  91,   0.4300310224159569",  // SciPy
        "0.3,   20,  50,   0.617490751618768",   // SciPy
        "0.1,   501, 4501, 0.4899726878883434",  // SciPy: a posterior after 5,000 offers
        "0.001, 1,   1000, 0.6323045752290359"   // SciPy: 1 − 0.999¹⁰⁰⁰
    })
    void cdfMatchesKnownValues(double x, double a, double b, double expected) {
        assertThat(BetaDistribution.cdf(x, a, b)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "Beta({1}, {2}) quantile({0}) = {3}")
    @CsvSource({
        "0.5,   2,   3,    0.3857275681323895",
        "0.025, 11,  91,   0.055637223835302965",
        "0.975, 11,  91,   0.17455282607711903",
        "0.975, 501, 4501, 0.10862879621057432",
        "0.25,  4,   1,    0.7071067811865476"   // p^(1/a)
    })
    void quantileMatchesKnownValues(double p, double a, double b, double expected) {
        assertThat(BetaDistribution.quantile(p, a, b)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void quantileIsTheInverseOfTheCdf() {
        double[][] shapes = {{1, 1}, {2, 3}, {11, 91}, {91, 11}, {1, 200}, {300, 2}, {1000, 9000}};
        for (double[] shape : shapes) {
            for (double p = 0.01; p < 1; p += 0.049) {
                double x = BetaDistribution.quantile(p, shape[0], shape[1]);
                assertThat(BetaDistribution.cdf(x, shape[0], shape[1])).as("Beta(%s, %s) at p=%s", shape[0], shape[1], p).isCloseTo(p, within(1e-9));
            }
        }
    }

    @Test
    void theCdfRisesFromZeroToOneAndMirrorsWithSwappedShapes() {
        double previous = 0;
        for (double x = 0; x <= 1; x += 0.01) {
            double cdf = BetaDistribution.cdf(x, 11, 91);
            assertThat(cdf).isBetween(previous, 1.0);
            assertThat(cdf).isCloseTo(1 - BetaDistribution.cdf(1 - x, 91, 11), within(1e-12));
            previous = cdf;
        }
        assertThat(BetaDistribution.cdf(-0.5, 2, 3)).isZero();
        assertThat(BetaDistribution.cdf(1.5, 2, 3)).isEqualTo(1);
        assertThat(BetaDistribution.quantile(0, 2, 3)).isCloseTo(0, within(1e-12));
        // bisection on the cdf: p = 1 ends where the cdf first rounds to 1.0, a few millionths below 1
        assertThat(BetaDistribution.cdf(BetaDistribution.quantile(1, 2, 3), 2, 3)).isCloseTo(1, within(1e-12));
        assertThat(BetaDistribution.quantile(1, 2, 3)).isCloseTo(1, within(1e-5));
    }

    @Test
    void samplesOfBetaElevenNinetyOneHaveItsMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = BetaDistribution.sample(11, 91, random);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;

        assertThat(mean).isCloseTo(11.0 / 102, within(0.002));
        assertThat(BetaDistribution.mean(11, 91)).isEqualTo(11.0 / 102);
        assertThat(variance).isCloseTo(11.0 * 91 / (102.0 * 102 * 103), within(0.05 * 11.0 * 91 / (102.0 * 102 * 103)));
    }

    @Test
    void samplesFollowTheCdf() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 50_000;
        int below = 0;
        double x = BetaDistribution.quantile(0.3, 2, 3);
        for (int i = 0; i < n; i++) {
            below += BetaDistribution.sample(2, 3, random) <= x ? 1 : 0;
        }

        assertThat((double) below / n).isCloseTo(0.3, within(0.01));
    }

    @Test
    void samplesOfTheUniformPriorAverageOneHalf() {
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 50_000; i++) {
            sum += BetaDistribution.sample(1, 1, random);
        }

        assertThat(sum / 50_000).isCloseTo(0.5, within(0.005));
    }

    @Test
    void logGammaMatchesFactorialsAndTheSquareRootOfPi() {
        assertThat(BetaDistribution.logGamma(1)).isCloseTo(0, within(1e-12));
        assertThat(BetaDistribution.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(BetaDistribution.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        assertThat(BetaDistribution.logGamma(101)).isCloseTo(363.73937555556347, within(1e-9)); // ln 100!
    }

    @Test
    void refusesShapesBelowOneAndProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> BetaDistribution.sample(0.5, 2, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaDistribution.cdf(0.5, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaDistribution.cdf(0.5, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaDistribution.quantile(1.1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaDistribution.quantile(Double.NaN, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
