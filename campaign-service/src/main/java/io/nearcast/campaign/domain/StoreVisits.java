package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Store visits of consenting shoppers: a visit lasts while their occasions in a store come less
 * than the visit gap apart (geofence visits are per zone; the respect rules count per store
 * visit). Kept in memory: after a restart the next occasion begins a new visit (the daily and
 * weekly caps, read from the ledger, still hold). Thread-safe.
 */
public final class StoreVisits {

    private final Duration gap;
    private final Map<String, Map<String, Visit>> byShopper = new ConcurrentHashMap<>();

    public StoreVisits(Duration gap) {
        this.gap = Objects.requireNonNull(gap, "gap");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("the visit gap must be positive");
        }
    }

    /** The visit this occasion belongs to. */
    public record Visit(String key, Instant startedAt, Instant lastSeen, boolean isNew) {
    }

    /** Continues the shopper's visit of the store, or begins one. */
    public Visit touch(String shopperId, String storeId, Instant at) {
        Map<String, Visit> visits = byShopper.computeIfAbsent(shopperId, id -> new ConcurrentHashMap<>());
        return visits.compute(storeId, (store, current) -> {
            if (current != null && !at.isAfter(current.lastSeen.plus(gap))) {
                Instant last = at.isAfter(current.lastSeen) ? at : current.lastSeen;
                return new Visit(current.key, current.startedAt, last, false);
            }
            return new Visit(storeId + "@" + at.toEpochMilli(), at, at, true);
        });
    }

    public boolean forget(String shopperId) {
        return byShopper.remove(shopperId) != null;
    }

    /** Drops visits that ended (no occasion for longer than the gap); returns how many. */
    public int sweep(Instant now) {
        int removed = 0;
        for (Map.Entry<String, Map<String, Visit>> shopper : byShopper.entrySet()) {
            int before = shopper.getValue().size();
            shopper.getValue().values().removeIf(visit -> visit.lastSeen.plus(gap).isBefore(now));
            removed += before - shopper.getValue().size();
            byShopper.computeIfPresent(shopper.getKey(), (id, visits) -> visits.isEmpty() ? null : visits);
        }
        return removed;
    }

    /** The shopper's open visits (for the export). */
    public Map<String, Visit> of(String shopperId) {
        return Map.copyOf(byShopper.getOrDefault(shopperId, Map.of()));
    }
}
