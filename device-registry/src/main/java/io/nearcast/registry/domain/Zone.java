package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A zone of a store: a floor-plan area or an outdoor geofence.
 *
 * @param id    random UUID
 * @param floor floor number (0 = ground), empty for outdoor zones
 * @param tags  free labels such as {@code wine} or {@code checkout}, in the order given
 */
public record Zone(String id, StoreId storeId, String name, OptionalInt floor, List<String> tags, ZoneShape shape, Instant createdAt) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(floor, "floor");
        tags = List.copyOf(tags);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
