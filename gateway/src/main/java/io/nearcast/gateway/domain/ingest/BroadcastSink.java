package io.nearcast.gateway.domain.ingest;

import java.util.List;

/**
 * Port: where shopper broadcasts heard by scanners go (the geofence service). Must not block for
 * long: the scanner's message is acknowledged after this returned.
 */
@FunctionalInterface
public interface BroadcastSink {

    void heard(List<BroadcastSighting> broadcasts);

    /** For a gateway without a geofence service: broadcasts end here (they are still counted). */
    static BroadcastSink none() {
        return broadcasts -> { };
    }
}
