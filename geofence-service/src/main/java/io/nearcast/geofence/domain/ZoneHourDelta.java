package io.nearcast.geofence.domain;

import java.util.Objects;

/**
 * What happened in one zone-hour since the last flush, to be added to the stored totals. Visits
 * and dwell are counted in the hour the visit began.
 *
 * @param visits             visits that began (enter events of consenting shoppers)
 * @param anonymousSightings anonymous reports placed in the zone
 * @param dwellBuckets       ended visits per {@link DwellBuckets} bucket
 * @param dwellMillis        total length of the ended visits
 */
public record ZoneHourDelta(ZoneHourKey key, long visits, long anonymousSightings, long[] dwellBuckets, long dwellMillis) {

    public ZoneHourDelta {
        Objects.requireNonNull(key, "key");
        if (dwellBuckets.length != DwellBuckets.COUNT) {
            throw new IllegalArgumentException("dwellBuckets must have " + DwellBuckets.COUNT + " entries");
        }
        dwellBuckets = dwellBuckets.clone();
    }

    /** Visits that ended (the sum of the dwell buckets). */
    public long endedVisits() {
        long sum = 0;
        for (long n : dwellBuckets) {
            sum += n;
        }
        return sum;
    }

    @Override
    public long[] dwellBuckets() {
        return dwellBuckets.clone();
    }
}
