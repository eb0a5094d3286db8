package io.nearcast.geofence.domain;

import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The geofence service's entry point: turns sightings and GPS fixes into enter / dwell / exit
 * events per consenting shopper and zone, and anonymous sightings into footfall counts.
 *
 * <p>Privacy by default: {@link LocationConsent} is asked for every report and at every sweep. A
 * sighting without a shopper id, or of a shopper the policy no longer allows, only counts as
 * anonymous footfall and creates no per-shopper state; a shopper who withdrew consent is no
 * longer tracked (open visits end with {@link ExitReason#CONSENT_WITHDRAWN}).
 *
 * <p>Call {@link #sweep} about once a second: it processes observations whose reorder window has
 * passed, ends silent visits and drops shoppers idle for {@link PresenceRules#idleExpiry()}.
 * Thread-safe: observations of different shoppers are processed in parallel, those of one shopper
 * one at a time (the {@link PresenceStore} guarantees it), so one shopper's events reach the sink
 * in order.
 */
public final class PresenceTracker {

    private final PresenceRules rules;
    private final Supplier<ZoneIndex> zones;
    private final PresenceStore store;
    private final LocationConsent consent;
    private final ZoneEventSink events;
    private final AnonymousFootfall footfall;
    private final LongSupplier wallClockMillis;
    private final LongSupplier visitIds;
    private final PresenceCounters counters = new PresenceCounters();

    /**
     * @param zones           the zone index in force (e.g. {@link LiveZoneIndex#current})
     * @param wallClockMillis the wall clock, epoch ms
     * @param visitIds        random 64-bit visit ids
     */
    public PresenceTracker(PresenceRules rules, Supplier<ZoneIndex> zones, PresenceStore store, LocationConsent consent,
                           ZoneEventSink events, AnonymousFootfall footfall, LongSupplier wallClockMillis, LongSupplier visitIds) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.store = Objects.requireNonNull(store, "store");
        this.consent = Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(events, "events");
        this.events = event -> {
            try {
                events.accept(event);
            } catch (RuntimeException e) {
                counters.sinkFailure();
            }
        };
        this.footfall = Objects.requireNonNull(footfall, "footfall");
        this.wallClockMillis = Objects.requireNonNull(wallClockMillis, "wallClockMillis");
        this.visitIds = Objects.requireNonNull(visitIds, "visitIds");
    }

    /**
     * The sightings of one report: an app's report (all its beacons), or one app broadcast a
     * scanner heard. Anonymous sightings of the report count once, for the zone of the strongest.
     */
    public void report(List<ProximitySighting> sightings) {
        ProximitySighting strongestAnonymous = null;
        for (ProximitySighting sighting : sightings) {
            if (sighting.zoneId().isEmpty()) {
                counters.unplaced();
                continue;
            }
            Optional<String> shopper = sighting.shopperId().filter(this::allowed);
            if (shopper.isPresent()) {
                counters.sighting();
                observe(shopper.get(), sighting);
                continue;
            }
            counters.anonymous();
            if (strongestAnonymous == null || strength(sighting) > strength(strongestAnonymous)) {
                strongestAnonymous = sighting;
            }
        }
        if (strongestAnonymous != null) {
            footfall.sighted(strongestAnonymous.storeId(), strongestAnonymous.zoneId().orElseThrow(), strongestAnonymous.at());
        }
    }

    /** A consenting shopper's GPS fix; one of a shopper the policy no longer allows is dropped (counted). */
    public void fix(GpsFix fix) {
        if (allowed(fix.shopperId())) {
            observe(fix.shopperId(), fix);
        }
    }

    /** The periodic step: due observations, silence, consent, idle expiry. */
    public void sweep() {
        long now = wallClockMillis.getAsLong();
        PresenceContext context = context(now);
        for (String shopperId : store.shopperIds()) {
            if (consent.allowsLocation(shopperId)) {
                store.updateIfPresent(shopperId, presence -> {
                    presence.sweep(context);
                    return null;
                });
            } else {
                stopTracking(shopperId, context);
            }
        }
    }

    /** What is held about the shopper now, for an export; empty when the shopper is not tracked. */
    public Optional<PresenceView> view(String shopperId) {
        return store.updateIfPresent(shopperId, presence -> presence.view(rules));
    }

    /** Erasure: forgets the shopper without a further event; whether anything was held. */
    public boolean forget(String shopperId) {
        return store.remove(shopperId);
    }

    /** Shoppers tracked now. */
    public int tracked() {
        return store.size();
    }

    public PresenceCounters counters() {
        return counters;
    }

    public PresenceRules rules() {
        return rules;
    }

    private boolean allowed(String shopperId) {
        if (consent.allowsLocation(shopperId)) {
            return true;
        }
        counters.withoutConsent();
        if (store.contains(shopperId)) {
            stopTracking(shopperId, context(wallClockMillis.getAsLong()));
        }
        return false;
    }

    private void stopTracking(String shopperId, PresenceContext context) {
        store.updateIfPresent(shopperId, presence -> {
            presence.end(ExitReason.CONSENT_WITHDRAWN, context);
            counters.consentWithdrawn();
            return null;
        });
    }

    private void observe(String shopperId, Observation observation) {
        PresenceContext context = context(wallClockMillis.getAsLong());
        makeRoomFor(shopperId, context);
        store.update(shopperId, presence -> {
            presence.offer(observation, context);
            return null;
        });
    }

    /** A full store first lets go of its quietest shopper, whose open visits end as evicted. */
    private void makeRoomFor(String shopperId, PresenceContext context) {
        if (store.size() < store.capacity() || store.contains(shopperId)) {
            return;
        }
        store.evictionCandidate().ifPresent(victim -> store.updateIfPresent(victim, presence -> {
            presence.end(ExitReason.EVICTED, context);
            counters.eviction();
            return null;
        }));
    }

    private PresenceContext context(long now) {
        return new PresenceContext(rules, zones.get(), visitIds, counters, events, now);
    }

    private static int strength(ProximitySighting sighting) {
        return sighting.rssi() - sighting.txPower();
    }
}
