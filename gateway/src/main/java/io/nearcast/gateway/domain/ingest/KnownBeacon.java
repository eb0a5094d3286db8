package io.nearcast.gateway.domain.ingest;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A registered beacon a frame was matched to.
 *
 * @param txPower the registry's calibrated power at 1 m, if it has one
 */
public record KnownBeacon(String beaconId, String storeId, OptionalInt txPower) {

    public KnownBeacon {
        Objects.requireNonNull(beaconId, "beaconId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(txPower, "txPower");
    }
}
