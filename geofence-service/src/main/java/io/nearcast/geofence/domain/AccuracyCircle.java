package io.nearcast.geofence.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The area a GPS fix may lie in, as a polygon in longitude/latitude degrees for exact tests
 * against polygonal zones: a regular {@value #VERTICES}-gon <em>circumscribed</em> about the
 * circle of the accuracy radius (its edges touch the circle from outside, so the polygon contains
 * the whole circle). Both uses err on the side of the hysteresis: "the circle lies within the
 * zone" is claimed only when the slightly larger polygon does (an enter comes at most 0.5 % of the
 * radius late), and "the circle touches the zone" when the polygon does (an exit comes at most as
 * late). Vertices are placed in a local east/north frame at the fix (metres per degree of
 * longitude scaled by cos(latitude)), which is exact to well under 0.1 % for radii up to
 * 10 km below 80° of latitude; nearer the poles or across
 * the antimeridian only circular zones are tested exactly.
 */
final class AccuracyCircle {

    static final int VERTICES = 32;
    /** 1 / cos(π/n): the circumradius of the polygon per unit of the circle's radius. */
    private static final double CIRCUMSCRIBED = 1 / Math.cos(Math.PI / VERTICES);

    private AccuracyCircle() {
    }

    static Polygon polygon(GeometryFactory factory, double lat, double lon, double radiusMeters) {
        double angular = radiusMeters * CIRCUMSCRIBED / Haversine.EARTH_RADIUS_METERS;
        double dLat = Math.toDegrees(angular);
        double dLon = Math.toDegrees(angular / Math.max(1e-9, Math.cos(Math.toRadians(lat))));
        Coordinate[] ring = new Coordinate[VERTICES + 1];
        for (int i = 0; i < VERTICES; i++) {
            double bearing = 2 * Math.PI * i / VERTICES;
            ring[i] = new Coordinate(lon + dLon * Math.sin(bearing), lat + dLat * Math.cos(bearing));
        }
        ring[VERTICES] = ring[0];
        return factory.createPolygon(ring);
    }
}
