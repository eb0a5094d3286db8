package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.Objects;

/**
 * One beacon seen once, checked and normalised: in which store, by whom, which beacon frame (with
 * its calibrated tx power), how strong, when. What the gateway hands to the geofence service.
 */
public record NormalizedSighting(String storeId, Observer observer, BeaconFrame frame, int rssi, Instant seenAt) {

    public NormalizedSighting {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
