package io.nearcast.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static Histogram histogram(long... cumulative) {
        return new Histogram(new double[] {0.001, 0.002, 0.005, 0.010, INF}, cumulative);
    }

    @Test
    void aPercentileIsTheUpperBoundOfTheBucketWhereItsRankFalls() {
        Histogram h = histogram(50, 90, 99, 100, 100); // 100 observations

        assertThat(h.percentile(0.5)).isEqualTo(0.001);  // rank 50: first bucket
        assertThat(h.percentile(0.51)).isEqualTo(0.002); // rank 51
        assertThat(h.percentile(0.99)).isEqualTo(0.005); // rank 99: the 99th is still ≤ 5 ms
        assertThat(h.percentile(1.0)).isEqualTo(0.010);  // the largest observation's bucket
    }

    @Test
    void percentilesComeFromTheDeltaBetweenTwoScrapes() {
        Histogram before = histogram(1_000, 1_000, 1_000, 1_000, 1_003); // earlier traffic, three of it very slow
        Histogram after = histogram(1_080, 1_098, 1_099, 1_100, 1_103);

        Histogram delta = after.minus(before);

        assertThat(delta.count()).isEqualTo(100);
        assertThat(delta.percentile(0.5)).isEqualTo(0.001);
        assertThat(delta.percentile(0.99)).isEqualTo(0.005);
        assertThat(delta.percentile(1.0)).isEqualTo(0.010); // the slow ones before do not count
    }

    @Test
    void aDeltaTreatsABucketMissingEarlierAsEmpty() {
        Histogram before = Histogram.of(Map.of(0.001, 5.0, INF, 5.0));
        Histogram after = Histogram.of(Map.of(0.001, 5.0, 0.002, 8.0, INF, 8.0));

        assertThat(after.minus(before).cumulativeCounts()).containsExactly(0, 8, 3);
    }

    @Test
    void beyondTheLargestFiniteBoundIsInfinityAndNothingIsNaN() {
        assertThat(histogram(0, 0, 0, 0, 4).percentile(0.99)).isInfinite();
        assertThat(histogram(0, 0, 0, 0, 0).percentile(0.99)).isNaN();
    }

    @Test
    void theRankIsNotPushedUpByBinaryFractions() {
        Histogram h = histogram(7, 8, 100, 100, 100); // 0.07 × 100 is 7.000000000000001 in doubles

        assertThat(h.percentile(0.07)).isEqualTo(0.001);
    }
}
