package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;

/**
 * A WGS84 position in degrees.
 *
 * @throws InvalidField when a coordinate is not a finite number in range
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidField("lat", "must be between -90 and 90, got " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidField("lon", "must be between -180 and 180, got " + lon);
        }
    }
}
