package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.time.zone.ZoneRulesProvider;

/**
 * What a client asks for when it registers a store, validated: a name of 1–200 printable
 * characters, an IANA timezone (region ids like {@code Europe/Berlin}, not offsets), a position.
 */
public record NewStore(String name, ZoneId timezone, GeoPoint location, Optional<OpeningHours> openingHours) {

    static final int MAX_NAME = 200;

    public NewStore(String name, ZoneId timezone, GeoPoint location) {
        this(name, timezone, location, Optional.empty());
    }

    /**
     * @throws InvalidField naming {@code name}, {@code timezone} or {@code location}
     */
    public static NewStore of(String name, String timezone, GeoPoint location, Optional<OpeningHours> openingHours) {
        return new NewStore(name(name), zone(timezone), require(location), openingHours);
    }

    static String name(String name) {
        return Names.require("name", name, MAX_NAME);
    }

    static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField("timezone", "is required (an IANA zone such as Europe/Berlin)");
        }
        if (!ZoneRulesProvider.getAvailableZoneIds().contains(text)) {
            throw new InvalidField("timezone", "'" + Names.printable(text) + "' is not an IANA time zone (e.g. Europe/Berlin)");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidField("timezone", "'" + Names.printable(text) + "' is not an IANA time zone (e.g. Europe/Berlin)");
        }
    }

    static GeoPoint require(GeoPoint location) {
        if (location == null) {
            throw new InvalidField("location", "is required ({\"lat\":…,\"lon\":…})");
        }
        return location;
    }
}
