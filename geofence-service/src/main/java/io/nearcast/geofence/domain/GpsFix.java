package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A position a consenting shopper's app reported (WGS 84 degrees) and how sure it is: the true
 * position lies within {@code accuracyMeters} of it (the platforms' horizontal accuracy, about a
 * 68 % radius).
 */
public record GpsFix(String shopperId, double lat, double lon, double accuracyMeters, Instant at) implements Observation {

    public GpsFix {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(at, "at");
        ZoneArea.requireLatitude("lat", lat);
        ZoneArea.requireLongitude("lon", lon);
        if (!(accuracyMeters > 0) || Double.isInfinite(accuracyMeters)) {
            throw new IllegalArgumentException("accuracyMeters must be a finite number above 0, got " + accuracyMeters);
        }
    }
}
