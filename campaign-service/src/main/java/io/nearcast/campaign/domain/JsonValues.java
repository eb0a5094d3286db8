package io.nearcast.campaign.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of parsed JSON (maps, lists, numbers, strings, booleans, {@code null}) that name
 * the field of every mistake, e.g. {@code variants[1].title.de}. {@code null} and absent read as
 * {@code null}.
 */
final class JsonValues {

    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String field, Object json) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new InvalidField(field, "must be an object");
        }
        return (Map<String, Object>) map;
    }

    /** Refuses members the object does not know (a typo would otherwise silently mean "no restriction"). */
    static void onlyKnown(String field, Map<String, ?> json, Set<String> known) {
        for (String member : json.keySet()) {
            if (!known.contains(member)) {
                throw new InvalidField(field.isEmpty() ? member : field + "." + member, "is not a known field; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    static String text(String field, Object json, int maxLength) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof String text)) {
            throw new InvalidField(field, "must be a string");
        }
        if (text.isBlank()) {
            throw new InvalidField(field, "must not be blank");
        }
        if (text.length() > maxLength) {
            throw new InvalidField(field, "is too long: " + text.length() + " characters, at most " + maxLength);
        }
        return text;
    }

    /** A whole number (an integer, or a number without a fraction such as {@code 30.0}) from min to max, both within int. */
    static Integer whole(String field, Object json, long min, long max) {
        Long value = wholeLong(field, json, min, max);
        return value == null ? null : Math.toIntExact(value);
    }

    static Long wholeLong(String field, Object json, long min, long max) {
        BigDecimal value = io.nearcast.kernel.domain.WholeNumbers.read(field, json);
        if (value == null) {
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidField(field, "must be between " + min + " and " + max + ", got " + value.toPlainString());
        }
        return value.longValueExact();
    }

    static Double number(String field, Object json, double min, double max) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof Number number)) {
            throw new InvalidField(field, "must be a number");
        }
        double value = number.doubleValue();
        if (!(value >= min && value <= max)) {
            throw new InvalidField(field, "must be between " + min + " and " + max + ", got " + number);
        }
        return value;
    }

    static List<Object> array(String field, Object json, int maxItems) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof List<?> items)) {
            throw new InvalidField(field, "must be an array");
        }
        if (items.size() > maxItems) {
            throw new InvalidField(field, "has " + items.size() + " items, at most " + maxItems);
        }
        return new ArrayList<>(items);
    }

    static List<String> strings(String field, Object json, int maxItems, int maxLength) {
        List<Object> items = array(field, json, maxItems);
        if (items == null) {
            return null;
        }
        List<String> strings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            strings.add(text(field + "[" + i + "]", items.get(i), maxLength));
            if (strings.get(i) == null) {
                throw new InvalidField(field + "[" + i + "]", "must be a string");
            }
        }
        return strings;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }
}
