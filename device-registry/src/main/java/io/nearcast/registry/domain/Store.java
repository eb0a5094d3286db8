package io.nearcast.registry.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical store.
 *
 * @param timezone     IANA zone id; schedules and opening hours are read in it
 * @param openingHours when the store is open; empty when not given
 */
public record Store(StoreId id, String name, ZoneId timezone, GeoPoint location, Optional<OpeningHours> openingHours, Instant createdAt) {

    public Store {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A store whose opening hours are not given. */
    public Store(StoreId id, String name, ZoneId timezone, GeoPoint location, Instant createdAt) {
        this(id, name, timezone, location, Optional.empty(), createdAt);
    }

    /** Whether it is open at this instant; a store without opening hours counts as open. */
    public boolean isOpenAt(Instant instant) {
        return openingHours.map(hours -> hours.isOpenAt(instant.atZone(timezone))).orElse(true);
    }
}
