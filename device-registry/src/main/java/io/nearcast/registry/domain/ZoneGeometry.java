package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON Polygon or MultiPolygon (RFC 7946: positions are [longitude, latitude]) from
 * its parsed JSON form (maps, lists, numbers) and checks it is a zone a store can use. Every
 * refusal names the JSON path and, where there is one, the position.
 */
public final class ZoneGeometry {

    /** Largest extent of one zone: a shopping centre car park, not a city. */
    static final double MAX_EXTENT_METERS = 20_000;
    /** Smallest area: below a square metre a zone cannot be told apart by any sensor. */
    static final double MIN_AREA_SQUARE_METERS = 1;
    static final int MAX_POSITIONS = 10_000;
    static final double MAX_RADIUS_METERS = 20_000;
    static final double MIN_RADIUS_METERS = 1;
    private static final double METERS_PER_DEGREE = 111_320;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final String path;
    private int positions;

    private ZoneGeometry(String path) {
        this.path = path;
    }

    /**
     * @param path where the geometry sits in the request, e.g. {@code geometry}
     * @throws InvalidField naming the path, the problem and the offending position
     */
    public static ZoneShape.Area parse(String path, Object json) {
        return new ZoneGeometry(path).area(json);
    }

    /** @throws InvalidField naming {@code path.radiusMeters} or the centre's coordinate */
    public static ZoneShape.Circle circle(String path, GeoPoint centre, double radiusMeters) {
        if (!Double.isFinite(radiusMeters) || radiusMeters < MIN_RADIUS_METERS || radiusMeters > MAX_RADIUS_METERS) {
            throw new InvalidField(path + ".radiusMeters", "must be between " + (int) MIN_RADIUS_METERS + " and " + (int) MAX_RADIUS_METERS + " metres, got " + radiusMeters);
        }
        return new ZoneShape.Circle(centre, radiusMeters);
    }

    /** The area as a GeoJSON object (maps, lists, numbers), the inverse of {@link #parse}. */
    public static Map<String, Object> toGeoJson(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return typed("Polygon", rings(polygon));
        }
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            polygons.add(rings((Polygon) geometry.getGeometryN(i)));
        }
        return typed("MultiPolygon", polygons);
    }

    /** A GeoJSON geometry object with {@code type} first, as people expect to read it. */
    static Map<String, Object> typed(String type, Object coordinates) {
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", type);
        geometry.put("coordinates", coordinates);
        return geometry;
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<Object> positions(Coordinate[] coordinates) {
        List<Object> positions = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            positions.add(List.of(c.x, c.y));
        }
        return positions;
    }

    private ZoneShape.Area area(Object json) {
        if (!(json instanceof Map<?, ?> object)) {
            throw new InvalidField(path, "must be a GeoJSON Polygon or MultiPolygon object");
        }
        Object type = object.get("type");
        Object coordinates = object.get("coordinates");
        if (coordinates == null) {
            throw new InvalidField(path + ".coordinates", "is required");
        }
        Geometry geometry;
        if ("Polygon".equals(type)) {
            geometry = polygon(path + ".coordinates", coordinates);
        } else if ("MultiPolygon".equals(type)) {
            List<?> parts = list(path + ".coordinates", coordinates);
            if (parts.isEmpty()) {
                throw new InvalidField(path + ".coordinates", "a MultiPolygon needs at least one polygon");
            }
            Polygon[] polygons = new Polygon[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                polygons[i] = polygon(path + ".coordinates[" + i + "]", parts.get(i));
            }
            geometry = FACTORY.createMultiPolygon(polygons);
        } else {
            throw new InvalidField(path + ".type", type == null ? "is required (Polygon or MultiPolygon)"
                    : "'" + type + "' is not a zone geometry; use Polygon or MultiPolygon (or a circle)");
        }
        checkValid(geometry);
        checkSize(geometry);
        return new ZoneShape.Area(geometry);
    }

    private Polygon polygon(String at, Object json) {
        List<?> rings = list(at, json);
        if (rings.isEmpty()) {
            throw new InvalidField(at, "a polygon needs an outer ring");
        }
        LinearRing shell = ring(at + "[0]", rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(at + "[" + i + "]", rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(String at, Object json) {
        List<?> items = list(at, json);
        List<Coordinate> coordinates = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            coordinates.add(position(at + "[" + i + "]", items.get(i)));
        }
        if (coordinates.size() < 4) {
            throw new InvalidField(at, "a ring needs at least 4 positions (3 corners and the first again), got " + coordinates.size());
        }
        Coordinate first = coordinates.get(0);
        Coordinate last = coordinates.get(coordinates.size() - 1);
        if (!first.equals2D(last)) {
            throw new InvalidField(at, "ring is not closed: the last position " + show(last) + " must repeat the first " + show(first));
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    private Coordinate position(String at, Object json) {
        if (++positions > MAX_POSITIONS) {
            throw new InvalidField(path, "more than " + MAX_POSITIONS + " positions");
        }
        List<?> pair = list(at, json);
        if (pair.size() < 2 || pair.size() > 3) {
            throw new InvalidField(at, "a position is [longitude, latitude] (optionally with altitude)");
        }
        double lon = number(at + "[0]", pair.get(0));
        double lat = number(at + "[1]", pair.get(1));
        if (lon < -180 || lon > 180) {
            throw new InvalidField(at, "longitude " + lon + " is out of range (-180 to 180); positions are [longitude, latitude]");
        }
        if (lat < -90 || lat > 90) {
            throw new InvalidField(at, "latitude " + lat + " is out of range (-90 to 90); positions are [longitude, latitude]");
        }
        return new Coordinate(lon, lat);
    }

    private void checkValid(Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            String where = error.getCoordinate() == null ? "" : " at " + show(error.getCoordinate());
            throw new InvalidField(path, error.getMessage().toLowerCase(Locale.ROOT) + where);
        }
    }

    private void checkSize(Geometry geometry) {
        Envelope box = geometry.getEnvelopeInternal();
        double metersPerLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(box.centre().y));
        double width = box.getWidth() * metersPerLon;
        double height = box.getHeight() * METERS_PER_DEGREE;
        if (Math.max(width, height) > MAX_EXTENT_METERS) {
            throw new InvalidField(path, String.format(Locale.ROOT, "spans %.0f m; a zone may span at most %.0f m (are longitude and latitude swapped?)",
                    Math.max(width, height), MAX_EXTENT_METERS));
        }
        double area = geometry.getArea() * metersPerLon * METERS_PER_DEGREE;
        if (area < MIN_AREA_SQUARE_METERS) {
            throw new InvalidField(path, String.format(Locale.ROOT, "covers %.2f m²; a zone needs at least %.0f m²", area, MIN_AREA_SQUARE_METERS));
        }
    }

    private static List<?> list(String at, Object json) {
        if (json instanceof List<?> list) {
            return list;
        }
        throw new InvalidField(at, "must be an array");
    }

    private static double number(String at, Object json) {
        if (json instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new InvalidField(at, "must be a number");
    }

    private static String show(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }
}
