package io.nearcast.geofence.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The anonymous statistics of one zone in one hour, as dashboards read them. Nothing in it
 * identifies a shopper; it outlives erasure and retention.
 *
 * @param visits             visits of consenting shoppers that began in the hour
 * @param uniqueVisitors     distinct consenting shoppers among them (as counted while their
 *                           visits were held; an erasure later does not lower it)
 * @param anonymousSightings reports of shoppers without location consent placed in the zone:
 *                           an activity count, not a number of people (they carry no identifier)
 * @param dwellBuckets       ended visits per {@link DwellBuckets} bucket
 * @param dwellMillis        total length of the ended visits
 */
public record ZoneHour(ZoneHourKey key, long visits, long uniqueVisitors, long anonymousSightings, List<Long> dwellBuckets, long dwellMillis) {

    public ZoneHour {
        Objects.requireNonNull(key, "key");
        dwellBuckets = List.copyOf(dwellBuckets);
    }

    /** Visits that ended in the statistics. */
    public long endedVisits() {
        return dwellBuckets.stream().mapToLong(Long::longValue).sum();
    }

    /** The mean length of the ended visits, if any ended. */
    public Optional<Duration> meanDwell() {
        long ended = endedVisits();
        return ended == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(dwellMillis / ended));
    }
}
