package io.nearcast.registry.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A physical store.
 *
 * @param timezone IANA zone id; schedules and opening hours are read in it
 */
public record Store(StoreId id, String name, ZoneId timezone, GeoPoint location, Instant createdAt) {

    public Store {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
