package io.nearcast.gateway.domain.ingest;

import java.util.List;

/**
 * Port: where accepted sightings go next — the geofence service, in-process by default, over an
 * internal MQTT topic when the services run in separate processes. Must not block for long: the
 * gateway acknowledges a message only after this returned.
 */
@FunctionalInterface
public interface SightingSink {

    void accept(List<NormalizedSighting> sightings);
}
