package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered beacon seen once, checked and normalised: in which store, by whom, which beacon
 * (the registry's id, and the frame as heard), how strong, its power at 1 m for distance estimates,
 * when. What the gateway hands to the geofence service.
 *
 * @param txPower dBm at 1 m: the registry's calibration if it has one, else what the frame says
 *                (Eddystone's 0 m value minus 41 dB), else {@value #TYPICAL_TX_POWER}
 * @param zoneId  the zone the beacon is placed in (the registry's placement when it was resolved), if any
 */
public record NormalizedSighting(String storeId, Observer observer, String beaconId, BeaconFrame frame, int rssi, int txPower, Instant seenAt,
                                 Optional<String> zoneId) {

    /** What a typical beacon measures at 1 m when nothing better is known. */
    public static final int TYPICAL_TX_POWER = -59;

    /** Eddystone frames give their power at 0 m; free-space loss from 0 to 1 m is 41 dB (Eddystone spec). */
    static final int EDDYSTONE_ZERO_TO_ONE_METRE_DB = 41;

    public NormalizedSighting {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(beaconId, "beaconId");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(zoneId, "zoneId");
    }

    /** A sighting of a beacon placed in no zone. */
    public NormalizedSighting(String storeId, Observer observer, String beaconId, BeaconFrame frame, int rssi, int txPower, Instant seenAt) {
        this(storeId, observer, beaconId, frame, rssi, txPower, seenAt, Optional.empty());
    }

    /** A sighting of a resolved beacon, with the best tx power known. */
    static NormalizedSighting of(KnownBeacon beacon, Observer observer, BeaconFrame frame, int rssi, Instant seenAt) {
        return new NormalizedSighting(beacon.storeId(), observer, beacon.beaconId(), frame, rssi,
                beacon.txPower().orElse(framePower(frame)), seenAt, beacon.zoneId());
    }

    private static int framePower(BeaconFrame frame) {
        if (frame instanceof BeaconFrame.IBeacon ibeacon && ibeacon.txPower() != 0) {
            return ibeacon.txPower();
        }
        if (frame instanceof BeaconFrame.AltBeacon alt && alt.referenceRssi() != 0) {
            return alt.referenceRssi();
        }
        if (frame instanceof BeaconFrame.EddystoneUid uid) {
            return uid.txPower() - EDDYSTONE_ZERO_TO_ONE_METRE_DB;
        }
        if (frame instanceof BeaconFrame.EddystoneEid eid) {
            return eidPower(eid);
        }
        return TYPICAL_TX_POWER;
    }

    /** An Eddystone-EID frame's power at 1 m (its field is at 0 m). */
    static int eidPower(BeaconFrame.EddystoneEid eid) {
        return eid.txPower() - EDDYSTONE_ZERO_TO_ONE_METRE_DB;
    }
}
