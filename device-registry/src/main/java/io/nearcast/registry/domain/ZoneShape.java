package io.nearcast.registry.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Where a zone is: a validated lon/lat polygonal area, or a circle around a point. */
public sealed interface ZoneShape {

    /**
     * A valid Polygon or MultiPolygon in WGS84, x = longitude, y = latitude (RFC 7946 order).
     * Build it with {@link ZoneGeometry#parse}, which validates.
     */
    record Area(Geometry geometry) implements ZoneShape {
        public Area {
            Objects.requireNonNull(geometry, "geometry");
            if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
                throw new IllegalArgumentException("an area is a Polygon or MultiPolygon, not " + geometry.getGeometryType());
            }
        }
    }

    /** A circle of {@code radiusMeters} around {@code centre}. */
    record Circle(GeoPoint centre, double radiusMeters) implements ZoneShape {
        public Circle {
            Objects.requireNonNull(centre, "centre");
        }
    }
}
