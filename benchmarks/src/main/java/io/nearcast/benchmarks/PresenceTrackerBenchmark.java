package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.InMemoryPresenceStore;
import io.nearcast.geofence.domain.PresenceRules;
import io.nearcast.geofence.domain.PresenceTracker;
import io.nearcast.geofence.domain.ProximitySighting;
import io.nearcast.geofence.domain.ZoneIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
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
 * Beacon reports per second through the presence tracker on one thread: 10,000 consenting
 * shoppers in turn, each report one sighting of one of three beacons near the shopper, the clock
 * moving 100 µs per report (each shopper reports every second); with the reorder window of 0 (processed
 * at once) and 1 s (the default: each report waits for the next). Events go to a counter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PresenceTrackerBenchmark {

    private static final int SHOPPERS = 10_000;

    @Param({"0", "1000"})
    public int reorderWindowMs;

    private PresenceTracker tracker;
    private String[] shoppers;
    private String[] anchors;
    private String[] zones;
    private final long[] now = {Instant.parse("2026-12-01T10:00:00Z").toEpochMilli() * 10};
    private long events;
    private int next;
    private final Random random = new Random(7);

    @Setup
    public void build() {
        shoppers = new String[SHOPPERS];
        for (int i = 0; i < SHOPPERS; i++) {
            shoppers[i] = UUID.randomUUID().toString();
        }
        anchors = new String[300];
        zones = new String[300];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = "beacon:" + UUID.randomUUID();
            zones[i] = "zone-" + i / 3;
        }
        tracker = new PresenceTracker(PresenceRules.defaults().withReorderWindow(Duration.ofMillis(reorderWindowMs)), ZoneIndex::empty,
                new InMemoryPresenceStore(SHOPPERS * 2), id -> true, event -> events++, (s, z, at) -> { }, () -> now[0] / 10, random::nextLong);
    }

    @Benchmark
    public long report() {
        int shopper = next++ % SHOPPERS;
        int anchor = (shopper * 3 + (next & 1)) % anchors.length;
        now[0] += 1; // 0.1 ms
        tracker.report(List.of(new ProximitySighting("store", Optional.of(shoppers[shopper]), anchors[anchor], Optional.of(zones[anchor]),
                -60 - (next & 7), -59, Instant.ofEpochMilli(now[0] / 10))));
        if ((next & 0xffff) == 0) {
            tracker.sweep();
        }
        return events;
    }
}
