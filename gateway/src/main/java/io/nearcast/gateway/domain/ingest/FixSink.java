package io.nearcast.gateway.domain.ingest;

/** Where accepted GPS fixes go (the geofence service). */
@FunctionalInterface
public interface FixSink {

    void accept(PositionFix fix);
}
