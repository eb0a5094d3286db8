package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.Optional;

/** The registry's beacons, as the gateway needs them. Must be fast (cached): it is asked for every frame. */
public interface BeaconDirectory {

    /**
     * The registered beacon behind a frame: a fixed identity (iBeacon, AltBeacon, Eddystone-UID) in
     * whichever store; an Eddystone-EID only among the EID beacons of {@code storeId} (a scanner's
     * store; null when the hearer has none), at the beacon's clock around {@code heardAt}. Empty for
     * frames that identify nothing (URL, TLM) and for beacons nobody registered.
     */
    Optional<KnownBeacon> resolve(BeaconFrame frame, String storeId, Instant heardAt);

    /** A directory that knows no beacon. */
    static BeaconDirectory none() {
        return (frame, storeId, heardAt) -> Optional.empty();
    }
}
