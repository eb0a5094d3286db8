package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.InvalidFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zones as a GeoJSON FeatureCollection, both ways. A feature is a zone: its geometry a Polygon or
 * MultiPolygon, or a Point with {@code properties.radiusMeters} for a circle; {@code name},
 * {@code floor}, {@code tags} and {@code dwellSeconds} in its properties.
 */
public final class ZoneImport {

    static final int MAX_FEATURES = 1_000;

    private ZoneImport() {
    }

    /**
     * Reads every feature; collects every bad one rather than stopping at the first.
     *
     * @throws InvalidField for a body that is not a FeatureCollection at all
     * @throws InvalidFields listing each bad feature, when any is bad
     */
    public static List<NewZone> read(Object json) {
        if (!(json instanceof Map<?, ?> collection) || !"FeatureCollection".equals(collection.get("type"))) {
            throw new InvalidField("type", "must be a GeoJSON FeatureCollection");
        }
        if (!(collection.get("features") instanceof List<?> features)) {
            throw new InvalidField("features", "must be an array of Features");
        }
        if (features.isEmpty() || features.size() > MAX_FEATURES) {
            throw new InvalidField("features", "must hold 1 to " + MAX_FEATURES + " features, got " + features.size());
        }
        List<NewZone> zones = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "features[" + i + "]";
            try {
                zones.add(feature(at, features.get(i)));
            } catch (InvalidField e) {
                problems.add(e.field().startsWith(at) ? e : new InvalidField(at + ".properties." + e.field(), e.problem()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems.size() + " of " + features.size() + " features are invalid; nothing was imported", problems);
        }
        return zones;
    }

    /** The zones as a FeatureCollection (maps and lists, ready for a JSON writer). */
    public static Map<String, Object> write(List<Zone> zones) {
        List<Object> features = new ArrayList<>();
        for (Zone zone : zones) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", zone.id());
            properties.put("name", zone.name());
            zone.floor().ifPresent(floor -> properties.put("floor", floor));
            properties.put("tags", zone.tags());
            zone.dwellSeconds().ifPresent(seconds -> properties.put("dwellSeconds", seconds));
            Map<String, Object> geometry;
            if (zone.shape() instanceof ZoneShape.Area area) {
                geometry = ZoneGeometry.toGeoJson(area.geometry());
            } else {
                ZoneShape.Circle circle = (ZoneShape.Circle) zone.shape();
                geometry = ZoneGeometry.typed("Point", List.of(circle.centre().lon(), circle.centre().lat()));
                properties.put("radiusMeters", circle.radiusMeters());
            }
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", geometry);
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static NewZone feature(String at, Object json) {
        if (!(json instanceof Map<?, ?> feature) || !"Feature".equals(feature.get("type"))) {
            throw new InvalidField(at, "must be a GeoJSON Feature");
        }
        Map<?, ?> properties = feature.get("properties") instanceof Map<?, ?> map ? map : Map.of();
        Object geometry = feature.get("geometry");
        ZoneShape shape;
        if (geometry instanceof Map<?, ?> g && "Point".equals(g.get("type"))) {
            shape = circle(at, g, properties);
        } else {
            shape = ZoneGeometry.parse(at + ".geometry", geometry);
        }
        // mistakes in the properties are named relative to them; read() puts the feature's path in front
        String name = ZoneJson.text("name", properties.get("name"));
        Integer floor = ZoneJson.wholeNumber("floor", properties.get("floor"));
        List<String> tags = ZoneJson.strings("tags", properties.get("tags"));
        Integer dwellSeconds = ZoneJson.wholeNumber("dwellSeconds", properties.get("dwellSeconds"));
        return NewZone.of(name, floor, tags, shape, dwellSeconds);
    }

    private static ZoneShape circle(String at, Map<?, ?> point, Map<?, ?> properties) {
        if (!(point.get("coordinates") instanceof List<?> position) || position.size() < 2
                || !(position.get(0) instanceof Number lon) || !(position.get(1) instanceof Number lat)) {
            throw new InvalidField(at + ".geometry.coordinates", "a Point is [longitude, latitude]");
        }
        if (!(properties.get("radiusMeters") instanceof Number radius)) {
            throw new InvalidField(at + ".properties.radiusMeters", "a Point zone needs radiusMeters");
        }
        GeoPoint centre;
        try {
            centre = new GeoPoint(lat.doubleValue(), lon.doubleValue());
        } catch (InvalidField e) {
            throw new InvalidField(at + ".geometry.coordinates", e.problem());
        }
        return ZoneGeometry.circle(at + ".properties", centre, radius.doubleValue());
    }
}
