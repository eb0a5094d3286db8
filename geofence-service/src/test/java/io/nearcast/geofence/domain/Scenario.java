package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tracker on a simulated wall clock that sweeps once a second, recording every event and every
 * anonymous footfall. Shoppers in {@link #consenting} allow location.
 */
final class Scenario {

    static final long START = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    final List<ZoneEvent> events = new ArrayList<>();
    final List<String> footfall = new ArrayList<>();
    final Set<String> consenting = new HashSet<>();
    final PresenceStore store;
    final PresenceTracker tracker;
    private long now = START;
    private long nextSweep = START + 1000;
    private long visitIds = 1;

    Scenario(PresenceRules rules, ZoneIndex zones) {
        this(rules, zones, new InMemoryPresenceStore(100_000));
    }

    Scenario(PresenceRules rules, ZoneIndex zones, PresenceStore store) {
        this.store = store;
        this.tracker = new PresenceTracker(rules, () -> zones, store, consenting::contains, events::add,
                (storeId, zoneId, at) -> footfall.add(zoneId), () -> now, () -> visitIds++);
    }

    Scenario consent(String shopperId) {
        consenting.add(shopperId);
        return this;
    }

    long now() {
        return now;
    }

    /** Moves the wall clock to {@code at} (epoch ms), sweeping at every full second on the way. */
    void advanceTo(long at) {
        while (nextSweep <= at) {
            now = nextSweep;
            tracker.sweep();
            nextSweep += 1000;
        }
        now = Math.max(now, at);
    }

    void report(List<ProximitySighting> sightings, long arrivesAt) {
        advanceTo(arrivesAt);
        tracker.report(sightings);
    }

    void fix(GpsFix fix, long arrivesAt) {
        advanceTo(arrivesAt);
        tracker.fix(fix);
    }

    /** The events as {@code type zone} lines, e.g. {@code enter zone-1}. */
    List<String> timeline() {
        return events.stream().map(e -> e.type().wireName() + " " + e.zoneId()).collect(Collectors.toList());
    }

    List<ZoneEvent> of(String zoneId) {
        return events.stream().filter(e -> e.zoneId().equals(zoneId)).toList();
    }
}
