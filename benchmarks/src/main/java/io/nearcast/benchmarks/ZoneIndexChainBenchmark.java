package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.ZoneArea;
import io.nearcast.geofence.domain.ZoneIndex;
import io.nearcast.geofence.domain.ZoneMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The zone index as a retail chain uses it, on one thread: 100,000 zones in 1,000 stores of 100
 * {@link StoreLikeZones store-like zones} each, a point lookup addressed to one store (a beacon's
 * or scanner's store), and an accuracy-circle query (a GPS fix, 10 m) for one store's zones at
 * 10,000 zones in one store. Compare with {@link ZoneIndexBenchmark} in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ZoneIndexChainBenchmark {

    private static final int STORES = 1_000;

    private StoreLikeZones store;
    private ZoneIndex chain;
    private StoreLikeZones big;
    private final String[] storeIds = new String[STORES];
    private int next;

    @Setup
    public void build() {
        store = new StoreLikeZones(100);
        List<ZoneArea> all = new ArrayList<>(STORES * 100);
        for (int s = 0; s < STORES; s++) {
            String storeId = "store-" + s;
            storeIds[s] = storeId;
            for (ZoneArea zone : store.zones) {
                all.add(new ZoneArea(zone.zoneId(), storeId, zone.floor(), zone.shape()));
            }
        }
        chain = ZoneIndex.of(all);
        big = new StoreLikeZones(10_000);
    }

    /** 100,000 zones in 1,000 stores; the lookup names its store. */
    @Benchmark
    public List<String> lookupInAChainOf1000Stores() {
        int i = next++;
        int point = i & (StoreLikeZones.POINTS - 1);
        return chain.zonesCovering(storeIds[i % STORES], store.lats[point], store.lons[point], OptionalInt.empty());
    }

    /** A GPS fix with 10 m accuracy against one store's 10,000 zones: which it reaches, which it lies within. */
    @Benchmark
    public List<ZoneMatch> accuracyCircleAt10000Zones() {
        int point = next++ & (StoreLikeZones.POINTS - 1);
        return big.index.zonesReached(StoreLikeZones.STORE, big.lats[point], big.lons[point], 10, OptionalInt.empty());
    }
}
