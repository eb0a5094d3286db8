package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.BeaconDirectory;
import io.nearcast.gateway.domain.ingest.KnownBeacon;
import java.util.Optional;
import java.util.OptionalInt;

/** Registries for ingest tests. */
final class TestBeacons {

    private TestBeacons() {
    }

    /** Every iBeacon is registered, as beacon {@code ibeacon-<major>-<minor>} of {@code storeId}; nothing else is. */
    static BeaconDirectory everyIBeaconIn(String storeId) {
        return (frame, heardIn, at) -> frame instanceof BeaconFrame.IBeacon ibeacon
                ? Optional.of(new KnownBeacon("ibeacon-" + ibeacon.major() + "-" + ibeacon.minor(), storeId, OptionalInt.empty()))
                : Optional.empty();
    }
}
