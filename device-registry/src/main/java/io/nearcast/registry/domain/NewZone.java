package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** A zone as a client asks for it, validated; see {@link ZoneGeometry} for the shape rules. */
public record NewZone(String name, OptionalInt floor, List<String> tags, ZoneShape shape) {

    static final int MAX_NAME = 200;
    static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public NewZone {
        tags = List.copyOf(tags);
    }

    /**
     * @param floor -10 to 200 when given
     * @param tags  lower-case words, at most {@value #MAX_TAGS}
     * @throws InvalidField naming the field
     */
    public static NewZone of(String name, Integer floor, List<String> tags, ZoneShape shape) {
        if (floor != null && (floor < -10 || floor > 200)) {
            throw new InvalidField("floor", "must be between -10 and 200, got " + floor);
        }
        return new NewZone(Names.require("name", name, MAX_NAME), floor == null ? OptionalInt.empty() : OptionalInt.of(floor), tags(tags), shape);
    }

    private static List<String> tags(List<String> tags) {
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
