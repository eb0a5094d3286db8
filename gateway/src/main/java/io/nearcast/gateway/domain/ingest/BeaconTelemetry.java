package io.nearcast.gateway.domain.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the gateway learnt about a registered beacon: heard at {@code heardAt}, and from a TLM
 * frame its battery voltage (mV; absent when the beacon does not report it) and temperature (°C).
 */
public record BeaconTelemetry(String beaconId, Instant heardAt, OptionalInt batteryMillivolts, Optional<Double> temperatureCelsius) {

    public BeaconTelemetry {
        Objects.requireNonNull(beaconId, "beaconId");
        Objects.requireNonNull(heardAt, "heardAt");
        Objects.requireNonNull(batteryMillivolts, "batteryMillivolts");
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
    }
}
