package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.ingest.BeaconTelemetry;
import io.nearcast.gateway.domain.ingest.BeaconTelemetrySink;
import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.registry.domain.BeaconRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beacon telemetry into the registry ({@code lastSeen}, battery, temperature, which
 * {@code GET …/beacons/{id}} shows). Best effort: a database failure loses one telemetry write
 * (the next comes within a minute), logged, never the sighting it came with.
 */
public final class RegistryTelemetry implements BeaconTelemetrySink {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTelemetry.class);

    private final BeaconRepository beacons;

    public RegistryTelemetry(BeaconRepository beacons) {
        this.beacons = beacons;
    }

    @Override
    public void record(BeaconTelemetry telemetry) {
        try {
            beacons.recordTelemetry(telemetry.beaconId(), telemetry.heardAt(), telemetry.batteryMillivolts(), telemetry.temperatureCelsius());
        } catch (RepositoryException e) {
            LOG.warn("Beacon telemetry not recorded ({}); the next report will try again", e.getMessage());
        }
    }
}
