package io.nearcast.geofence.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One zone in one clock hour (UTC): the grain of the zone statistics. */
public record ZoneHourKey(String storeId, String zoneId, Instant hour) {

    public ZoneHourKey {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(hour, "hour");
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException("hour must be the start of an hour, got " + hour);
        }
    }

    public static ZoneHourKey of(String storeId, String zoneId, Instant at) {
        return new ZoneHourKey(storeId, zoneId, at.truncatedTo(ChronoUnit.HOURS));
    }
}
