package io.nearcast.benchmarks;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point lookups per second on one thread (one core) in a {@code ZoneIndex} of 100, 10,000 and
 * 100,000 {@link StoreLikeZones store-like zones}, all in one store (the index is per store, so
 * this is its worst case). The baseline in the same run is {@link ZoneScanBaselineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ZoneIndexBenchmark {

    @Param({"100", "10000", "100000"})
    public int zones;

    private StoreLikeZones data;
    private int next;

    @Setup
    public void build() {
        data = new StoreLikeZones(zones);
    }

    @Benchmark
    public List<String> lookup() {
        int i = next++ & (StoreLikeZones.POINTS - 1);
        return data.index.zonesCovering(StoreLikeZones.STORE, data.lats[i], data.lons[i], OptionalInt.empty());
    }
}
