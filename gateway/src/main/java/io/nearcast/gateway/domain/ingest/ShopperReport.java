package io.nearcast.gateway.domain.ingest;

import java.util.List;

/**
 * A shopper app's report as it arrived (CONTRACT §3); any field may be missing or wrong.
 *
 * @param shopperId from the topic (the broker let only that shopper publish there)
 */
public record ShopperReport(String shopperId, Long ts, List<Beacon> beacons, Location location) {

    /** One beacon the app saw: {@code kind} {@code ibeacon} or {@code altbeacon}, its ids, RSSI and calibrated tx power. */
    public record Beacon(String kind, String uuid, Integer major, Integer minor, Integer rssi, Integer txPower) {
    }

    /** A GPS fix, WGS 84 degrees, accuracy radius in metres. */
    public record Location(Double lat, Double lon, Double accuracyMeters) {
    }
}
