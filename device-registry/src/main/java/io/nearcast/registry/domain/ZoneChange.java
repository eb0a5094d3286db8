package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a client changes about a zone, validated with the rules of {@link NewZone}. An empty part
 * stays as it is; for the optional fields, a present but empty value removes them
 * ({@code floor}, {@code dwellSeconds}; no {@code tags}).
 *
 * @param shape replaces the zone's area or circle, whichever it had
 */
public record ZoneChange(Optional<String> name, Optional<OptionalInt> floor, Optional<List<String>> tags, Optional<ZoneShape> shape,
                         Optional<OptionalInt> dwellSeconds) {

    private static final String GEOMETRY = "geometry";
    private static final String CIRCLE = "circle";

    public ZoneChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(floor, "floor");
        tags = tags.map(List::copyOf);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dwellSeconds, "dwellSeconds");
    }

    /**
     * Reads a JSON merge patch (RFC 7396) of a zone: a member that is absent stays as it is;
     * {@code null} removes {@code floor}, {@code tags} or {@code dwellSeconds}. A zone always has a
     * name and a shape: {@code geometry} or {@code circle} replaces the shape, and {@code null} for
     * one of them is accepted only beside the other (as when a zone read from the API is sent back).
     * Members the change does not know (such as {@code id}) are ignored.
     *
     * @param json the parsed JSON object (maps, lists, numbers, strings, {@code null})
     * @throws InvalidField naming the field, as {@code POST …/zones} does
     */
    public static ZoneChange read(Map<String, ?> json) {
        Optional<String> name = json.containsKey("name") ? Optional.of(requiredName(json.get("name"))) : Optional.empty();
        Optional<OptionalInt> floor = json.containsKey("floor")
                ? Optional.of(NewZone.floor(ZoneJson.wholeNumber("floor", json.get("floor")))) : Optional.empty();
        Optional<List<String>> tags = json.containsKey("tags")
                ? Optional.of(NewZone.tags(ZoneJson.strings("tags", json.get("tags")))) : Optional.empty();
        Optional<OptionalInt> dwell = json.containsKey("dwellSeconds")
                ? Optional.of(NewZone.dwellSeconds(ZoneJson.wholeNumber("dwellSeconds", json.get("dwellSeconds")))) : Optional.empty();
        return new ZoneChange(name, floor, tags, readShape(json), dwell);
    }

    /** The zone with this change applied; id, store and creation time stay. */
    public Zone applyTo(Zone zone) {
        return new Zone(zone.id(), zone.storeId(), name.orElse(zone.name()), floor.orElse(zone.floor()), tags.orElse(zone.tags()),
                shape.orElse(zone.shape()), zone.createdAt(), dwellSeconds.orElse(zone.dwellSeconds()));
    }

    /** For the audit trail: which fields changed, with the new name and dwell time. */
    String summary() {
        List<String> parts = new ArrayList<>();
        name.ifPresent(value -> parts.add("name=" + value));
        floor.ifPresent(value -> parts.add(value.isPresent() ? "floor=" + value.getAsInt() : "floor removed"));
        tags.ifPresent(value -> parts.add("tags"));
        shape.ifPresent(value -> parts.add("shape=" + Zones.describe(value)));
        dwellSeconds.ifPresent(value -> parts.add(value.isPresent() ? "dwellSeconds=" + value.getAsInt() : "dwellSeconds removed"));
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static String requiredName(Object json) {
        if (json == null) {
            throw new InvalidField("name", "is required; a zone always has a name");
        }
        return NewZone.name(ZoneJson.text("name", json));
    }

    private static Optional<ZoneShape> readShape(Map<String, ?> json) {
        Object geometry = json.get(GEOMETRY);
        Object circle = json.get(CIRCLE);
        if (geometry != null && circle != null) {
            throw new InvalidField(CIRCLE, "give at most one of geometry (GeoJSON Polygon or MultiPolygon) and circle ({lat, lon, radiusMeters})");
        }
        if (geometry != null) {
            return Optional.of(ZoneGeometry.parse(GEOMETRY, geometry));
        }
        if (circle != null) {
            return Optional.of(ZoneJson.circle(CIRCLE, circle));
        }
        if (json.containsKey(GEOMETRY) || json.containsKey(CIRCLE)) {
            throw new InvalidField(json.containsKey(GEOMETRY) ? GEOMETRY : CIRCLE,
                    "a zone always has a shape; give geometry or circle to replace it");
        }
        return Optional.empty();
    }
}
