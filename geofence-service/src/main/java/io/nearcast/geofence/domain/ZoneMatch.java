package io.nearcast.geofence.domain;

import java.util.Objects;

/**
 * A zone that a position, or the accuracy circle around it, reaches.
 *
 * @param within whether the whole accuracy circle lies inside the zone (for a bare position:
 *               always true, the zone covers it); false when the circle only overlaps the zone,
 *               so the position may or may not be inside
 */
public record ZoneMatch(String storeId, String zoneId, boolean within) {

    public ZoneMatch {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
    }
}
