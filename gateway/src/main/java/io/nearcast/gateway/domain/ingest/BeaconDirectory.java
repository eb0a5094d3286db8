package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.util.Optional;

/** The registry's beacons: which store a beacon with this identity belongs to, if any. */
@FunctionalInterface
public interface BeaconDirectory {

    Optional<String> storeOf(BeaconFrame frame);
}
