package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.Objects;

/**
 * A checked sighting, as the gateway hands it to the geofence service: where and by whom it was
 * seen, the beacon frame, the signal strength and when.
 *
 * @param rssi dBm as received
 */
public record NormalizedSighting(String storeId, String deviceId, BeaconFrame frame, int rssi, Instant seenAt) {

    public NormalizedSighting {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
