package io.nearcast.gateway.domain.ingest;

/** Where beacon telemetry goes (the registry); called at most once per beacon per minute or so. */
@FunctionalInterface
public interface BeaconTelemetrySink {

    void record(BeaconTelemetry telemetry);

    /** Keeps nothing. */
    static BeaconTelemetrySink none() {
        return telemetry -> { };
    }
}
