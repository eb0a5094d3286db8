package io.nearcast.gateway.domain.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registered beacon a frame was matched to.
 *
 * @param txPower the registry's calibrated power at 1 m, if it has one
 * @param zoneId  the zone the beacon is placed in, if any
 */
public record KnownBeacon(String beaconId, String storeId, OptionalInt txPower, Optional<String> zoneId) {

    public KnownBeacon {
        Objects.requireNonNull(beaconId, "beaconId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(txPower, "txPower");
        Objects.requireNonNull(zoneId, "zoneId");
    }

    /** A beacon placed in no zone. */
    public KnownBeacon(String beaconId, String storeId, OptionalInt txPower) {
        this(beaconId, storeId, txPower, Optional.empty());
    }
}
