package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects zone statistics in memory between flushes: visits from enter events, the dwell
 * histogram from exit events (in the hour the visit began), anonymous footfall. Keeps no
 * shopper id: distinct visitors are counted by the {@link ZoneHours} store from the visit
 * history, for the zone-hours {@link #drain} names. Thread-safe (one short lock per event).
 */
public final class ZoneStatistics implements ZoneEventSink, AnonymousFootfall {

    /** What accumulated since the last drain. */
    public record Drained(List<ZoneHourDelta> deltas, Set<ZoneHourKey> newVisitsIn) {
    }

    private static final class Tally {
        long visits;
        long anonymous;
        final long[] buckets = new long[DwellBuckets.COUNT];
        long dwellMillis;
    }

    private Map<ZoneHourKey, Tally> tallies = new HashMap<>();

    @Override
    public void accept(ZoneEvent event) {
        switch (event.type()) {
            case ENTER -> {
                synchronized (this) {
                    tally(ZoneHourKey.of(event.storeId(), event.zoneId(), event.at())).visits++;
                }
            }
            case EXIT -> {
                long millis = event.dwell().orElseThrow().toMillis();
                Instant began = event.at().minusMillis(millis);
                synchronized (this) {
                    Tally tally = tally(ZoneHourKey.of(event.storeId(), event.zoneId(), began));
                    tally.buckets[DwellBuckets.of(event.dwell().orElseThrow())]++;
                    tally.dwellMillis += millis;
                }
            }
            case DWELL -> {
                // a dwell is part of the visit's story, not a figure of its own
            }
        }
    }

    @Override
    public synchronized void sighted(String storeId, String zoneId, Instant at) {
        tally(ZoneHourKey.of(storeId, zoneId, at)).anonymous++;
    }

    /** Everything since the last drain; the counts start again from zero. */
    public Drained drain() {
        Map<ZoneHourKey, Tally> taken;
        synchronized (this) {
            taken = tallies;
            tallies = new HashMap<>();
        }
        List<ZoneHourDelta> deltas = new ArrayList<>(taken.size());
        Set<ZoneHourKey> visited = new HashSet<>();
        taken.forEach((key, tally) -> {
            deltas.add(new ZoneHourDelta(key, tally.visits, tally.anonymous, tally.buckets, tally.dwellMillis));
            if (tally.visits > 0) {
                visited.add(key);
            }
        });
        return new Drained(deltas, visited);
    }

    private Tally tally(ZoneHourKey key) {
        return tallies.computeIfAbsent(key, k -> new Tally());
    }
}
