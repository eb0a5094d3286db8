package io.nearcast.benchmarks;

import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
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

/** The baseline for {@link ZoneIndexBenchmark}: a scan of every polygon's plain {@code covers}, at 100 zones. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ZoneScanBaselineBenchmark {

    private final GeometryFactory factory = new GeometryFactory();
    private StoreLikeZones data;
    private int next;

    @Setup
    public void build() {
        data = new StoreLikeZones(100);
    }

    @Benchmark
    public int scanAt100Zones() {
        int i = next++ & (StoreLikeZones.POINTS - 1);
        Point point = factory.createPoint(new Coordinate(data.lons[i], data.lats[i]));
        int found = 0;
        for (Geometry shape : data.polygons) {
            if (shape.covers(point)) {
                found++;
            }
        }
        return found;
    }
}
