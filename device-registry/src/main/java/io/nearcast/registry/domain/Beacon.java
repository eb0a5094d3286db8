package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registered beacon and where it is placed.
 *
 * @param txPower       calibrated power at 1 m (iBeacon/AltBeacon) or 0 m (Eddystone), dBm
 * @param zoneId        the zone it is placed in, if any
 * @param telemetry     what the gateway last heard from it
 */
public record Beacon(String id, StoreId storeId, BeaconIdentity identity, OptionalInt txPower, Optional<String> zoneId,
                     Optional<GeoPoint> position, Telemetry telemetry, Instant createdAt) {

    public Beacon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(txPower, "txPower");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Filled by the gateway from Eddystone-TLM frames and sightings; empty until then. */
    public record Telemetry(Optional<Instant> lastSeen, OptionalInt batteryMillivolts, Optional<Double> temperatureCelsius) {
        public static Telemetry none() {
            return new Telemetry(Optional.empty(), OptionalInt.empty(), Optional.empty());
        }
    }
}
