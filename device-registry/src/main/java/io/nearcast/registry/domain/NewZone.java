package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A zone as a client asks for it, validated; see {@link ZoneGeometry} for the shape rules.
 *
 * @param dwellSeconds empty: the geofence service's default dwell time applies
 */
public record NewZone(String name, OptionalInt floor, List<String> tags, ZoneShape shape, OptionalInt dwellSeconds) {

    static final int MAX_NAME = 200;
    static final int MAX_TAGS = 20;
    static final int MIN_FLOOR = -10;
    static final int MAX_FLOOR = 200;
    /** One second: the shortest dwell time a zone may ask for. */
    static final int MIN_DWELL_SECONDS = 1;
    /** One day: the longest dwell time a zone may ask for. */
    static final int MAX_DWELL_SECONDS = 86_400;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public NewZone {
        tags = List.copyOf(tags);
    }

    /**
     * @param floor        -10 to 200 when given
     * @param tags         lower-case words, at most {@value #MAX_TAGS}
     * @param dwellSeconds 1 to 86,400 when given
     * @throws InvalidField naming the field
     */
    public static NewZone of(String name, Integer floor, List<String> tags, ZoneShape shape, Integer dwellSeconds) {
        return new NewZone(name(name), floor(floor), tags(tags), shape, dwellSeconds(dwellSeconds));
    }

    static String name(String name) {
        return Names.require("name", name, MAX_NAME);
    }

    /** @throws InvalidField on {@code floor} when out of range */
    static OptionalInt floor(Integer floor) {
        if (floor == null) {
            return OptionalInt.empty();
        }
        if (floor < MIN_FLOOR || floor > MAX_FLOOR) {
            throw new InvalidField("floor", "must be between " + MIN_FLOOR + " and " + MAX_FLOOR + ", got " + floor);
        }
        return OptionalInt.of(floor);
    }

    /** @throws InvalidField on {@code dwellSeconds} when out of range */
    static OptionalInt dwellSeconds(Integer seconds) {
        if (seconds == null) {
            return OptionalInt.empty();
        }
        if (!isDwellInRange(seconds)) {
            throw new InvalidField("dwellSeconds", "must be between " + MIN_DWELL_SECONDS + " and " + MAX_DWELL_SECONDS
                    + " seconds, got " + seconds);
        }
        return OptionalInt.of(seconds);
    }

    static boolean isDwellInRange(int seconds) {
        return seconds >= MIN_DWELL_SECONDS && seconds <= MAX_DWELL_SECONDS;
    }

    /** Without duplicates, in the order given; none for {@code null}. */
    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidField("tags", "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidField("tags[" + i + "]", "'" + Names.printable(String.valueOf(tag)) + "' is not a tag (lower-case letters, digits, - and _; up to 64)");
            }
            if (!checked.contains(tag)) {
                checked.add(tag);
            }
        }
        return checked;
    }
}
