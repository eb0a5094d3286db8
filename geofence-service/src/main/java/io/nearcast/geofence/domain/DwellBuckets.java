package io.nearcast.geofence.domain;

import java.time.Duration;
import java.util.List;

/**
 * The dwell histogram's buckets, chosen for shop zones (an aisle is passed in seconds, a café is
 * sat in for half an hour): under 10 s, 10–30 s, 30–60 s, 1–2 min, 2–5 min, 5–10 min, 10–30 min,
 * 30 min and more. Each bucket holds its lower bound, not its upper one.
 */
public final class DwellBuckets {

    /** Upper bounds (exclusive) of all buckets but the last, in seconds. */
    private static final long[] UPPER_SECONDS = {10, 30, 60, 120, 300, 600, 1800};
    /** Names on the wire, in bucket order. */
    public static final List<String> NAMES = List.of("lt10s", "10to30s", "30to60s", "1to2min", "2to5min", "5to10min", "10to30min", "ge30min");
    public static final int COUNT = NAMES.size();

    private DwellBuckets() {
    }

    /** The bucket a visit of this length falls into, 0 to {@link #COUNT} − 1. */
    public static int of(Duration dwell) {
        long seconds = dwell.toMillis() / 1000;
        for (int i = 0; i < UPPER_SECONDS.length; i++) {
            if (seconds < UPPER_SECONDS[i]) {
                return i;
            }
        }
        return UPPER_SECONDS.length;
    }
}
