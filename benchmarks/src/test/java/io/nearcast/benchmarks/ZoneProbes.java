package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.Haversine;
import io.nearcast.geofence.domain.ZoneArea;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

/**
 * Query points for comparing two zone engines on {@link StoreLikeZones}: the 4,096 random points,
 * and points whose answer is known from the zone they were taken from. Deterministic.
 */
final class ZoneProbes {

    /** Where a point comes from, and so what its source zone must answer. */
    enum Kind {
        /** One of the 4,096 query points; no source zone. */
        RANDOM(null),
        /** A vertex of a polygon's shell or of one of its holes: on the boundary, so covered. */
        VERTEX(true),
        /** The midpoint of an edge (every edge is axis-parallel, so exactly on it): covered. */
        EDGE_MIDPOINT(true),
        /** The centre of a hole (a pillar): not covered. */
        HOLE_CENTRE(false),
        /** 1 cm inside a circle's rim: covered. */
        INSIDE_RIM(true),
        /** 1 cm outside a circle's rim: not covered. */
        OUTSIDE_RIM(false),
        /** On a circle's rim (to rounding): either answer is right, so excluded from the comparison. */
        ON_RIM(null);

        private final Boolean covered;

        Kind(Boolean covered) {
            this.covered = covered;
        }

        /** Whether the source zone must cover the point; null when nothing is known. */
        Boolean covered() {
            return covered;
        }
    }

    /** A query point, the zone it was taken from (null for random points) and how. */
    record Probe(double lat, double lon, Kind kind, String sourceZone) {
    }

    static final double RIM_OFFSET_METRES = 0.01;
    private static final int RIM_BEARINGS = 8;

    private ZoneProbes() {
    }

    /**
     * The random points; every vertex and edge midpoint of every {@code polygonStep}-th polygon,
     * with the centres of their holes; and, for every circle, points at 8 bearings 1 cm inside,
     * 1 cm outside and on the rim.
     */
    static List<Probe> of(StoreLikeZones data, int polygonStep) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < StoreLikeZones.POINTS; i++) {
            probes.add(new Probe(data.lats[i], data.lons[i], Kind.RANDOM, null));
        }
        int polygon = 0;
        for (ZoneArea zone : data.zones) {
            if (zone.shape() instanceof ZoneArea.Circle circle) {
                addRim(probes, zone.zoneId(), circle);
            } else if (polygon++ % polygonStep == 0) {
                addBoundary(probes, zone.zoneId(), (Polygon) ((ZoneArea.Polygonal) zone.shape()).geometry());
            }
        }
        return probes;
    }

    private static void addBoundary(List<Probe> probes, String zoneId, Polygon polygon) {
        addRing(probes, zoneId, polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            LineString hole = polygon.getInteriorRingN(h);
            addRing(probes, zoneId, hole);
            Coordinate centre = hole.getEnvelopeInternal().centre(); // the holes are rectangles
            probes.add(new Probe(centre.y, centre.x, Kind.HOLE_CENTRE, zoneId));
        }
    }

    private static void addRing(List<Probe> probes, String zoneId, LineString ring) {
        Coordinate[] points = ring.getCoordinates();
        for (int i = 0; i < points.length - 1; i++) { // the last closes the ring: the first again
            Coordinate a = points[i];
            Coordinate b = points[i + 1];
            probes.add(new Probe(a.y, a.x, Kind.VERTEX, zoneId));
            probes.add(new Probe((a.y + b.y) / 2, (a.x + b.x) / 2, Kind.EDGE_MIDPOINT, zoneId));
        }
    }

    private static void addRim(List<Probe> probes, String zoneId, ZoneArea.Circle circle) {
        for (int b = 0; b < RIM_BEARINGS; b++) {
            double bearing = 2 * Math.PI * (b + 0.5) / RIM_BEARINGS;
            probes.add(destination(circle, bearing, circle.radiusMeters() - RIM_OFFSET_METRES, Kind.INSIDE_RIM, zoneId));
            probes.add(destination(circle, bearing, circle.radiusMeters() + RIM_OFFSET_METRES, Kind.OUTSIDE_RIM, zoneId));
            probes.add(destination(circle, bearing, circle.radiusMeters(), Kind.ON_RIM, zoneId));
        }
    }

    /** The point at the distance (metres) and bearing (radians from north) on the sphere of {@link Haversine}. */
    private static Probe destination(ZoneArea.Circle from, double bearing, double metres, Kind kind, String zoneId) {
        double delta = metres / Haversine.EARTH_RADIUS_METERS;
        double phi1 = Math.toRadians(from.lat());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(bearing));
        double lambda = Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new Probe(Math.toDegrees(phi2), from.lon() + Math.toDegrees(lambda), kind, zoneId);
    }

    /** Well-known text of a zone's shape, for failure messages: WKT for polygons, {@code CIRCLE(lat lon radius_m)}. */
    static String describe(ZoneArea zone) {
        if (zone.shape() instanceof ZoneArea.Circle c) {
            return zone.zoneId() + " CIRCLE(" + c.lat() + " " + c.lon() + " " + c.radiusMeters() + ")";
        }
        Geometry geometry = ((ZoneArea.Polygonal) zone.shape()).geometry();
        return zone.zoneId() + " " + new WKTWriter().write(geometry);
    }
}
