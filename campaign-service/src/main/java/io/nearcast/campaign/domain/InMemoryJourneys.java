package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Journeys in memory (tests, benchmarks). Thread-safe. */
public final class InMemoryJourneys implements Journeys {

    private final Map<String, Journey> byShopper = new ConcurrentHashMap<>();

    @Override
    public Optional<Journey> find(String shopperId) {
        return Optional.ofNullable(byShopper.get(shopperId));
    }

    @Override
    public void save(Journey journey) {
        byShopper.put(journey.shopperId(), journey);
    }

    @Override
    public long erase(String shopperId) {
        return byShopper.remove(shopperId) == null ? 0 : 1;
    }

    @Override
    public long purgeNotUpdatedSince(Instant cutoff) {
        long before = byShopper.size();
        byShopper.values().removeIf(journey -> journey.updatedAt().isBefore(cutoff));
        return before - byShopper.size();
    }
}
