package io.nearcast.app.geofence;

import io.nearcast.gateway.domain.ingest.BroadcastSighting;
import io.nearcast.gateway.domain.ingest.BroadcastSink;
import io.nearcast.gateway.domain.ingest.FixSink;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.Observer;
import io.nearcast.gateway.domain.ingest.PositionFix;
import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.geofence.domain.GpsFix;
import io.nearcast.geofence.domain.PresenceTracker;
import io.nearcast.geofence.domain.ProximitySighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's sinks in front of the geofence service: a shopper app's beacon sightings (one
 * report at a time), a scanner's shopper broadcasts (one broadcast at a time: each is another
 * phone) and GPS fixes become the tracker's observations. A scanner hearing a registered beacon
 * places no shopper and is counted ({@link #infrastructureSightings}); its telemetry went to the
 * registry in the gateway. Anchor ids say what the anchor is: {@code beacon:<id>}, {@code scanner:<id>}.
 */
public final class GeofenceFeed implements SightingSink, BroadcastSink, FixSink {

    /** Anchor ids remembered, so every shopper hearing a beacon refers to one string (presence memory). */
    static final int MAX_ANCHOR_IDS = 200_000;

    private final PresenceTracker tracker;
    private final ScannerPlacements scanners;
    private final LongAdder infrastructure = new LongAdder();
    private final Map<String, String> anchorIds = new ConcurrentHashMap<>();

    GeofenceFeed(PresenceTracker tracker, ScannerPlacements scanners) {
        this.tracker = tracker;
        this.scanners = scanners;
    }

    @Override
    public void accept(List<NormalizedSighting> sightings) {
        List<ProximitySighting> report = new ArrayList<>(sightings.size());
        for (NormalizedSighting sighting : sightings) {
            Optional<String> shopper;
            if (sighting.observer() instanceof Observer.Shopper app) {
                shopper = Optional.of(app.shopperId());
            } else if (sighting.observer() instanceof Observer.AnonymousShopper) {
                shopper = Optional.empty();
            } else {
                infrastructure.increment();
                continue;
            }
            report.add(new ProximitySighting(sighting.storeId(), shopper, anchorId("beacon:", sighting.beaconId()), sighting.zoneId(),
                    sighting.rssi(), sighting.txPower(), sighting.seenAt()));
        }
        if (!report.isEmpty()) {
            tracker.report(report);
        }
    }

    @Override
    public void heard(List<BroadcastSighting> broadcasts) {
        for (BroadcastSighting broadcast : broadcasts) {
            tracker.report(List.of(new ProximitySighting(broadcast.storeId(), broadcast.shopperId(), anchorId("scanner:", broadcast.deviceId()),
                    scanners.zoneOf(broadcast.deviceId()), broadcast.rssi(), broadcast.txPower(), broadcast.seenAt())));
        }
    }

    @Override
    public void accept(PositionFix fix) {
        tracker.fix(new GpsFix(fix.shopperId(), fix.lat(), fix.lon(), fix.accuracyMeters(), fix.at()));
    }

    private String anchorId(String kind, String id) {
        String known = anchorIds.get(id);
        if (known != null) {
            return known;
        }
        if (anchorIds.size() >= MAX_ANCHOR_IDS) {
            anchorIds.clear();
        }
        return anchorIds.computeIfAbsent(id, key -> kind + key);
    }

    /** Scanner sightings of registered beacons: no shopper in them, nothing to track. */
    long infrastructureSightings() {
        return infrastructure.sum();
    }
}
