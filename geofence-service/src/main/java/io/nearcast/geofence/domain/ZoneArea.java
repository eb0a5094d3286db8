package io.nearcast.geofence.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * One zone as the {@link ZoneIndex} sees it: which store it belongs to, on which floor, and where
 * it is. Every constructor validates and throws {@link IllegalArgumentException} naming the field
 * ({@code zoneId}, {@code storeId}, {@code geometry}, {@code lat}, {@code lon}, {@code radiusMeters});
 * a missing component is a {@link NullPointerException} naming it.
 *
 * @param zoneId  the zone's id, unique within its store
 * @param storeId the store the zone belongs to; a query for one store never answers another's zones
 * @param floor   the floor the zone is on (0 = ground), or empty for a zone on every floor (an
 *                outdoor geofence, or a zone defined without floors)
 * @param shape   a polygonal area or a circle
 * @param dwell   how long a visit must last to count as a dwell in this zone, or empty for the
 *                service's default; positive when given
 */
public record ZoneArea(String zoneId, String storeId, OptionalInt floor, Shape shape, Optional<Duration> dwell) {

    public ZoneArea {
        requireText("zoneId", zoneId);
        requireText("storeId", storeId);
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dwell, "dwell");
        if (dwell.isPresent() && (dwell.get().isNegative() || dwell.get().isZero())) {
            throw new IllegalArgumentException("dwell must be positive, got " + dwell.get());
        }
    }

    /** A zone with the service's default dwell time. */
    public ZoneArea(String zoneId, String storeId, OptionalInt floor, Shape shape) {
        this(zoneId, storeId, floor, shape, Optional.empty());
    }

    /** Where a zone is. */
    public sealed interface Shape permits Polygonal, Circle {
    }

    /**
     * A valid, non-empty JTS Polygon or MultiPolygon (holes allowed) in WGS84 degrees, x =
     * longitude, y = latitude, every coordinate within -180..180 and -90..90. Edges are straight
     * lines in longitude/latitude (as in GeoJSON, RFC 7946), not great-circle arcs. A zone across
     * the antimeridian is a MultiPolygon split at ±180. The geometry is copied on the way in
     * (JTS geometries are mutable); do not change the one {@link #geometry()} returns.
     */
    public record Polygonal(Geometry geometry) implements Shape {
        public Polygonal {
            Objects.requireNonNull(geometry, "geometry");
            if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
                throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon, not a " + geometry.getGeometryType());
            }
            geometry = geometry.copy();
            if (geometry.isEmpty()) {
                throw new IllegalArgumentException("geometry must not be empty");
            }
            IsValidOp validity = new IsValidOp(geometry);
            if (!validity.isValid()) {
                TopologyValidationError error = validity.getValidationError();
                throw new IllegalArgumentException("geometry is not valid: " + error.getMessage()
                        + (error.getCoordinate() == null ? "" : " at " + error.getCoordinate()));
            }
            Envelope box = geometry.getEnvelopeInternal();
            if (box.getMinX() < -180 || box.getMaxX() > 180) {
                throw new IllegalArgumentException("geometry has a longitude (x) outside -180..180: " + box.getMinX() + " to " + box.getMaxX());
            }
            if (box.getMinY() < -90 || box.getMaxY() > 90) {
                throw new IllegalArgumentException("geometry has a latitude (y) outside -90..90: " + box.getMinY() + " to " + box.getMaxY());
            }
        }
    }

    /**
     * The points within {@code radiusMeters} of the centre, measured along the great circle on
     * the sphere of {@link Haversine} (boundary included). Any radius above zero is accepted; one
     * of half the Earth's circumference or more covers the whole globe.
     */
    public record Circle(double lat, double lon, double radiusMeters) implements Shape {
        public Circle {
            requireLatitude("lat", lat);
            requireLongitude("lon", lon);
            if (!Double.isFinite(radiusMeters) || radiusMeters <= 0) {
                throw new IllegalArgumentException("radiusMeters must be a finite number above 0, got " + radiusMeters);
            }
        }
    }

    static void requireLatitude(String field, double lat) {
        if (!(lat >= -90 && lat <= 90)) { // also refuses NaN
            throw new IllegalArgumentException(field + " must be between -90 and 90, got " + lat);
        }
    }

    static void requireLongitude(String field, double lon) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(field + " must be between -180 and 180, got " + lon);
        }
    }

    private static void requireText(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
