package io.nearcast.geofence.domain;

import java.time.Instant;

/** Something the geofence service learns about where a shopper is: a radio contact or a GPS fix. */
public sealed interface Observation permits ProximitySighting, GpsFix {

    /** When it was observed (the device's clock as the gateway accepted it). */
    Instant at();
}
