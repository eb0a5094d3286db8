package io.nearcast.kernel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The v1 MQTT topics of the external contract (CONTRACT §3), and Nearcast's internal ones below
 * {@code nearcast/v1/internal/}, as templates with named levels.
 *
 * <p>A template level written {@code {name}} stands for exactly one topic level. Ids placed into
 * a topic must be non-empty and free of the MQTT special characters {@code / + #} and NUL, so a
 * formatted topic always has the template's shape.
 */
public enum Topic {
    /** An in-store BLE scanner reports raw advertisements it saw. */
    SCANNER_SIGHTINGS("nearcast/v1/stores/{storeId}/devices/{deviceId}/sightings"),
    /** A shopper app reports the beacons and location it sees. */
    SHOPPER_SIGHTINGS("nearcast/v1/shoppers/{shopperId}/sightings"),
    /** Nearcast delivers an offer to one shopper. */
    SHOPPER_OFFERS("nearcast/v1/shoppers/{shopperId}/offers"),
    /** Nearcast tells a device why one of its messages was not accepted. */
    DEVICE_REJECTS("nearcast/v1/devices/{deviceId}/rejects"),
    /** Nearcast tells a shopper app why one of its sighting reports was not accepted. */
    SHOPPER_REJECTS("nearcast/v1/shoppers/{shopperId}/rejects"),
    /**
     * A context feed (a device of the store, an integration; or Nearcast itself, retained, for a
     * reading given over REST) says what the weather is at the store; campaigns can depend on it.
     */
    STORE_CONTEXT("nearcast/v1/context/{storeId}"),
    /** Nearcast announces zone enter / dwell / exit events. */
    ZONE_EVENTS("nearcast/v1/events/zones"),
    /**
     * Internal: the gateway hands normalised sightings of one store to the geofence service when
     * they run in separate processes. Only Nearcast's service account may use it.
     */
    INTERNAL_SIGHTINGS("nearcast/v1/internal/stores/{storeId}/sightings");

    private final String template;
    private final String[] levels;

    Topic(String template) {
        this.template = template;
        this.levels = template.split("/", -1);
    }

    /** The template as written in the contract, e.g. {@code nearcast/v1/shoppers/{shopperId}/offers}. */
    public String template() {
        return template;
    }

    /** Names of the variable levels in order, e.g. {@code [storeId, deviceId]}. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String level : levels) {
            if (isParameter(level)) {
                names.add(level.substring(1, level.length() - 1));
            }
        }
        return names;
    }

    /**
     * Builds a concrete topic.
     *
     * @param ids one id per variable level, in order
     * @throws IllegalArgumentException if the count is wrong or an id is not a valid topic level
     */
    public String format(String... ids) {
        List<String> names = parameterNames();
        if (ids.length != names.size()) {
            throw new IllegalArgumentException(name() + " needs " + names.size() + " ids " + names + ", got " + ids.length);
        }
        StringBuilder topic = new StringBuilder();
        int next = 0;
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                topic.append('/');
            }
            if (isParameter(levels[i])) {
                topic.append(requireLevel(names.get(next), ids[next]));
                next++;
            } else {
                topic.append(levels[i]);
            }
        }
        return topic.toString();
    }

    /**
     * Matches a concrete topic against this template.
     *
     * @return the ids of the variable levels in order, or empty if the topic has another shape
     */
    public Optional<List<String>> match(String topic) {
        Objects.requireNonNull(topic, "topic");
        String[] actual = topic.split("/", -1);
        if (actual.length != levels.length) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (isParameter(levels[i])) {
                if (!isValidLevel(actual[i])) {
                    return Optional.empty();
                }
                ids.add(actual[i]);
            } else if (!levels[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(ids));
    }

    /** The template with every variable level replaced by the single-level wildcard {@code +}. */
    public String subscriptionFilter() {
        return template.replaceAll("\\{[^/]+}", "+");
    }

    /** Whether {@code id} can stand as one topic level. */
    public static boolean isValidLevel(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\u0000') {
                return false;
            }
        }
        return true;
    }

    private static String requireLevel(String name, String id) {
        if (!isValidLevel(id)) {
            throw new IllegalArgumentException(name + " must be a non-empty topic level without / + # or NUL");
        }
        return id;
    }

    private static boolean isParameter(String level) {
        return level.startsWith("{") && level.endsWith("}");
    }
}
