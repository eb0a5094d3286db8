package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A copy of what the geofence service holds about one shopper right now (for the shopper's export):
 * open visits, the beacon zone, the anchors heard with their smoothed signal and estimated
 * distance, the last accepted GPS fix, and how many observations wait for reordering.
 */
public record PresenceView(String shopperId, List<OpenVisit> visits, Optional<String> beaconZoneId, List<Heard> heard,
                           Optional<Position> lastFix, int pendingObservations) {

    public PresenceView {
        Objects.requireNonNull(shopperId, "shopperId");
        visits = List.copyOf(visits);
        Objects.requireNonNull(beaconZoneId, "beaconZoneId");
        heard = List.copyOf(heard);
        Objects.requireNonNull(lastFix, "lastFix");
    }

    public record OpenVisit(String visitId, String storeId, String zoneId, Instant enteredAt, boolean dwelt, boolean byBeacon, boolean byGps) {
    }

    public record Heard(String anchorId, String storeId, String zoneId, double smoothedRssi, double estimatedDistanceMeters, Instant heardAt) {
    }

    public record Position(double lat, double lon, double accuracyMeters, Instant at) {
    }
}
