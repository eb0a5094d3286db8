package io.nearcast.sim.load;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Everything one {@code bench-ingest} invocation measured. The top-level rates, ratio and
 * percentiles are medians over the runs (the handling maximum is the largest of any run); each run
 * is listed under {@code perRun}. {@code allArrived} is false when some published message never
 * reached the raw subscriber or the server (the broker dropped it) or was not handled in time.
 *
 * @param window     the publisher's window of unacknowledged publishes
 * @param loadBefore the 1-minute load average when the benchmark started (NaN where the OS has none)
 * @param rejects    rejected messages or sightings by reason, over the whole invocation (warm-up included)
 * @param duplicates messages dropped as duplicates, over the whole invocation
 */
public record BenchResult(BenchOptions options, int window, int cores, double loadBefore, double loadAfter, List<RunResult> runs,
                   Map<String, Long> rejects, long duplicates) {

    public String toJson() {
        String handling = "{\"p50\":" + Json.number(median(r -> r.handling().p50()), 3) + ",\"p99\":" + Json.number(median(r -> r.handling().p99()), 3)
                + ",\"max\":" + Json.number(runs.stream().mapToDouble(r -> r.handling().max()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN), 3) + "}";
        return "{\"messages\":" + options.messages() + ",\"devices\":" + options.devices() + ",\"runs\":" + runs.size()
                + ",\"rawPerSec\":" + Json.number(median(RunResult::rawPerSec), 0)
                + ",\"gatewayPerSec\":" + Json.number(median(RunResult::gatewayPerSec), 0)
                + ",\"ratio\":" + Json.number(median(RunResult::ratio), 3)
                + ",\"pacedPerSec\":" + Json.number(median(RunResult::pacedPerSec), 0)
                + ",\"handlingMs\":" + handling
                + ",\"allArrived\":" + runs.stream().allMatch(r -> r.allArrived(options.messages()))
                + ",\"rejects\":" + Json.counts(rejects) + ",\"duplicates\":" + duplicates
                + ",\"publishWindow\":" + window + ",\"cores\":" + cores
                + ",\"loadAvg1m\":{\"before\":" + Json.number(loadBefore, 2) + ",\"after\":" + Json.number(loadAfter, 2) + "}"
                + ",\"perRun\":" + runs.stream().map(RunResult::toJson).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    /** The median of the measured values (NaN ones left out); NaN if there are none. */
    private double median(ToDoubleFunction<RunResult> value) {
        return median(runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
