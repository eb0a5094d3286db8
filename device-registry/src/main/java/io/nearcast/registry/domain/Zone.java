package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A zone of a store: a floor-plan area or an outdoor geofence.
 *
 * @param id           random UUID
 * @param floor        floor number (0 = ground), empty for outdoor zones
 * @param tags         free labels such as {@code wine} or {@code checkout}, in the order given
 * @param dwellSeconds how long a shopper stays in the zone, in seconds ({@value NewZone#MIN_DWELL_SECONDS}
 *                     to {@value NewZone#MAX_DWELL_SECONDS}), before the visit counts as a dwell; empty:
 *                     the geofence service's default applies
 * @throws IllegalArgumentException for a dwell time out of range
 */
public record Zone(String id, StoreId storeId, String name, OptionalInt floor, List<String> tags, ZoneShape shape, Instant createdAt,
                   OptionalInt dwellSeconds) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(floor, "floor");
        tags = List.copyOf(tags);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dwellSeconds, "dwellSeconds");
        if (dwellSeconds.isPresent() && !NewZone.isDwellInRange(dwellSeconds.getAsInt())) {
            throw new IllegalArgumentException("dwellSeconds out of range: " + dwellSeconds.getAsInt());
        }
    }
}
