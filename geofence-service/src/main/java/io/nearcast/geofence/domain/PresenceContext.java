package io.nearcast.geofence.domain;

import java.util.function.LongSupplier;

/** What a {@link Presence} needs from its tracker while it changes: the rules, the zones in force, where events go, and the time. */
final class PresenceContext {

    final PresenceRules rules;
    final ZoneIndex zones;
    final LongSupplier visitIds;
    final PresenceCounters counters;
    final ZoneEventSink events;
    /** Wall-clock time of this change, epoch ms. */
    final long now;

    PresenceContext(PresenceRules rules, ZoneIndex zones, LongSupplier visitIds, PresenceCounters counters, ZoneEventSink events, long now) {
        this.rules = rules;
        this.zones = zones;
        this.visitIds = visitIds;
        this.counters = counters;
        this.events = events;
        this.now = now;
    }

    long dwellMillis(String storeId, String zoneId) {
        return zones.zone(storeId, zoneId).flatMap(ZoneArea::dwell).orElse(rules.defaultDwell()).toMillis();
    }
}
