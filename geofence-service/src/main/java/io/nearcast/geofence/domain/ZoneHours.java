package io.nearcast.geofence.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Port: the stored zone statistics per zone and hour (anonymous; kept beyond retention and erasure). */
public interface ZoneHours {

    /** Adds the deltas to the stored totals, creating rows as needed; safe with several writers. */
    void add(Collection<ZoneHourDelta> deltas);

    /**
     * Recounts the distinct shoppers whose visits began in each zone-hour, from the visit history,
     * and keeps the larger of that and the stored count (an erasure never lowers a published figure).
     */
    void countUniqueVisitors(Collection<ZoneHourKey> keys);

    /**
     * The store's zone-hours from {@code from} (inclusive) to {@code to} (exclusive), newest hour
     * first, then by zone id; one zone only when given.
     */
    Page<ZoneHour> list(String storeId, Optional<String> zoneId, Instant from, Instant to, PageRequest request);
}
