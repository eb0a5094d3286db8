package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One radio contact between a shopper's phone and a fixed anchor of a store: the app heard a
 * registered beacon, or an in-store scanner heard the app's rotating identifier. Both feed the
 * same proximity model; the anchor is where the contact places the shopper.
 *
 * @param storeId   the anchor's store
 * @param shopperId the shopper, present only when the shopper allows the {@code location}
 *                  purpose; empty for an anonymous contact, which feeds anonymous footfall only
 * @param anchorId  the beacon's or scanner's registry id, e.g. {@code beacon:<id>} or {@code scanner:<id>}
 * @param zoneId    the zone the anchor is placed in; empty for an anchor placed in no zone (counted, not tracked)
 * @param rssi      received signal strength, dBm
 * @param txPower   the anchor's (or phone's) calibrated power at 1 m, dBm
 */
public record ProximitySighting(String storeId, Optional<String> shopperId, String anchorId, Optional<String> zoneId,
                                int rssi, int txPower, Instant at) implements Observation {

    public ProximitySighting {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(anchorId, "anchorId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(at, "at");
        if (rssi < -127 || rssi > 20) {
            throw new IllegalArgumentException("rssi must be -127 to 20 dBm, got " + rssi);
        }
        if (txPower < -127 || txPower > 20) {
            throw new IllegalArgumentException("txPower must be -127 to 20 dBm, got " + txPower);
        }
    }
}
