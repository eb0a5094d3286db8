package io.nearcast.sim.load;

import java.util.Arrays;
import java.util.Map;

/**
 * A Prometheus histogram: ascending bucket upper bounds ({@code le}, the last one +Inf) with
 * cumulative counts. Percentiles are read at bucket resolution: the value reported is the upper
 * bound of the first bucket whose cumulative count reaches the percentile's rank, so it is an
 * upper estimate, never interpolated.
 */
public record Histogram(double[] upperBounds, long[] cumulativeCounts) {

    public Histogram {
        if (upperBounds.length != cumulativeCounts.length) {
            throw new IllegalArgumentException("one count per bucket");
        }
        upperBounds = upperBounds.clone();
        cumulativeCounts = cumulativeCounts.clone();
    }

    /** From {@code le → cumulative count}, in any order. */
    public static Histogram of(Map<Double, Double> buckets) {
        double[] bounds = buckets.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long[] counts = Arrays.stream(bounds).mapToLong(le -> Math.round(buckets.get(le))).toArray();
        return new Histogram(bounds, counts);
    }

    /** Observations counted between {@code earlier} and this (both scrapes of the same series). */
    public Histogram minus(Histogram earlier) {
        long[] delta = new long[cumulativeCounts.length];
        for (int i = 0; i < upperBounds.length; i++) {
            int j = Arrays.binarySearch(earlier.upperBounds, upperBounds[i]);
            delta[i] = cumulativeCounts[i] - (j >= 0 ? earlier.cumulativeCounts[j] : 0);
        }
        return new Histogram(upperBounds, delta);
    }

    /** All observations (the +Inf bucket, or the largest one). */
    public long count() {
        return cumulativeCounts.length == 0 ? 0 : cumulativeCounts[cumulativeCounts.length - 1];
    }

    /**
     * The upper bound of the bucket holding the observation of rank ceil(q × count), q in (0, 1];
     * NaN without observations, +Inf when it lies beyond the largest finite bound.
     */
    public double percentile(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("q must be in (0, 1]: " + q);
        }
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count - 1e-9)); // 1e-9: 0.07 × 100 is 7.000000000000001 in binary
        for (int i = 0; i < cumulativeCounts.length; i++) {
            if (cumulativeCounts[i] >= rank) {
                return upperBounds[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h && Arrays.equals(upperBounds, h.upperBounds) && Arrays.equals(cumulativeCounts, h.cumulativeCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(upperBounds) + Arrays.hashCode(cumulativeCounts);
    }

    @Override
    public String toString() {
        return "Histogram[le=" + Arrays.toString(upperBounds) + ", cumulative=" + Arrays.toString(cumulativeCounts) + "]";
    }
}
