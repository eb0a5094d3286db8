package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.InMemoryPresenceStore;
import io.nearcast.geofence.domain.PresenceRules;
import io.nearcast.geofence.domain.PresenceTracker;
import io.nearcast.geofence.domain.ProximitySighting;
import io.nearcast.geofence.domain.ZoneIndex;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes of presence state per tracked shopper: N consenting shoppers (default 100,000), each in a
 * store with 300 beacons in 100 zones, each having heard 3 nearby beacons for 10 s at one report a
 * second with the default rules (reorder window 1 s, so a report may be waiting) and having
 * entered a zone. Measured two ways in one run: the retained object graph of the presence store
 * (JOL, the registry's shared anchor and zone ids subtracted), and the heap used after full GCs
 * with and without the shoppers. Prints one JSON line.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.nearcast.benchmarks.PresenceFootprint [shoppers]}
 * (add {@code -Djdk.attach.allowAttachSelf=true} if JOL asks for it).
 */
public final class PresenceFootprint {

    private static final int BEACONS = 300;
    private static final int ZONES = 100;
    private static final int SECONDS = 10;

    private PresenceFootprint() {
    }

    public static void main(String[] args) {
        int shoppers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> anchors = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < ZONES; i++) {
            zones.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < BEACONS; i++) {
            anchors.add("beacon:" + UUID.randomUUID());
        }
        String store = UUID.randomUUID().toString();
        long start = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
        long[] now = {start};
        InMemoryPresenceStore presences = new InMemoryPresenceStore(shoppers);
        long[] events = {0};
        PresenceTracker tracker = new PresenceTracker(PresenceRules.defaults(), ZoneIndex::empty, presences, id -> true,
                event -> events[0]++, (s, z, at) -> { }, () -> now[0], new Random(1)::nextLong);
        long before = usedHeap();

        Random random = new Random(20261201);
        List<String> ids = new ArrayList<>(shoppers);
        int[] first = new int[shoppers];
        for (int s = 0; s < shoppers; s++) {
            ids.add(UUID.randomUUID().toString());
            first[s] = random.nextInt(BEACONS - 3);
        }
        for (int second = 0; second <= SECONDS; second++) {
            now[0] = start + second * 1000L;
            for (int s = 0; s < shoppers; s++) {
                List<ProximitySighting> report = new ArrayList<>(3);
                for (int b = 0; b < 3; b++) {
                    int beacon = first[s] + b;
                    report.add(new ProximitySighting(store, Optional.of(ids.get(s)), anchors.get(beacon), Optional.of(zones.get(beacon / 3)),
                            -60 - 6 * b - random.nextInt(5), -59, Instant.ofEpochMilli(now[0])));
                }
                tracker.report(report);
            }
        }
        ids = null; // the store keeps its own references to the shopper ids
        long after = usedHeap();
        long graph = GraphLayout.parseInstance(presences).totalSize();
        long shared = GraphLayout.parseInstance(anchors, zones, store).totalSize();
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"PresenceFootprint\",\"shoppers\":%d,\"tracked\":%d,\"enters\":%d,"
                        + "\"bytesPerShopperGraph\":%.1f,\"bytesPerShopperHeap\":%.1f,\"graphBytes\":%d,\"sharedIdBytes\":%d,\"java\":\"%s\"}%n",
                shoppers, tracker.tracked(), tracker.counters().enters(), (graph - shared) / (double) shoppers,
                (after - before) / (double) shoppers, graph, shared, System.getProperty("java.version"));
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
