package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.Optional;

/** Port: consenting shoppers' journeys. Thread-safe; the last save wins. */
public interface Journeys {

    Optional<Journey> find(String shopperId);

    void save(Journey journey);

    long erase(String shopperId);

    /** Removes journeys not updated since the cutoff (a shopper who has not been seen that long starts over). */
    long purgeNotUpdatedSince(Instant cutoff);
}
