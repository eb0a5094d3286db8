package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads zone fields from parsed JSON — maps, lists, numbers, strings and {@code null}, as a JSON
 * library hands them over — naming the field of every mistake. Shared by the REST edge, the
 * GeoJSON import and zone changes, so that the same mistake gets the same answer everywhere.
 */
public final class ZoneJson {

    private ZoneJson() {
    }

    /**
     * A whole number: an integer, or a number without a fraction such as {@code 30.0} (what JSON
     * Schema calls an integer).
     *
     * @return {@code null} for {@code null}
     * @throws InvalidField on {@code field} for anything else, or a number beyond 32 bits
     */
    public static Integer wholeNumber(String field, Object json) {
        BigDecimal value = io.nearcast.kernel.domain.WholeNumbers.read(field, json);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidField(field, "is out of range, got " + value.toPlainString());
        }
    }

    /**
     * @return {@code null} for {@code null}
     * @throws InvalidField on {@code field} for anything but a string
     */
    static String text(String field, Object json) {
        if (json == null || json instanceof String) {
            return (String) json;
        }
        throw new InvalidField(field, "must be a string");
    }

    /**
     * @return {@code null} for {@code null}
     * @throws InvalidField on {@code field} for anything but an array of strings
     */
    static List<String> strings(String field, Object json) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof List<?> items)) {
            throw new InvalidField(field, "must be an array of strings");
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw new InvalidField(field, "must be an array of strings");
            }
            strings.add(s);
        }
        return strings;
    }

    /**
     * A circle as the API writes it, {@code {"lat","lon","radiusMeters"}}.
     *
     * @param field where it sits in the request, e.g. {@code circle}
     * @throws InvalidField on {@code field} or one of its members
     */
    static ZoneShape.Circle circle(String field, Object json) {
        if (!(json instanceof Map<?, ?> circle)) {
            throw new InvalidField(field, "must be an object {lat, lon, radiusMeters}");
        }
        double lat = number(field + ".lat", circle.get("lat"));
        double lon = number(field + ".lon", circle.get("lon"));
        double radius = number(field + ".radiusMeters", circle.get("radiusMeters"));
        GeoPoint centre;
        try {
            centre = new GeoPoint(lat, lon);
        } catch (InvalidField e) {
            throw new InvalidField(field + "." + e.field(), e.problem());
        }
        return ZoneGeometry.circle(field, centre, radius);
    }

    private static double number(String field, Object json) {
        if (json == null) {
            throw new InvalidField(field, "is required");
        }
        if (!(json instanceof Number number)) {
            throw new InvalidField(field, "must be a number");
        }
        return number.doubleValue();
    }
}
