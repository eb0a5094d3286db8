package io.nearcast.app.geofence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nearcast.geofence.domain.GeofenceRecorder;
import io.nearcast.geofence.domain.PresenceCounters;
import io.nearcast.geofence.domain.PresenceTracker;
import java.util.function.ToDoubleFunction;

/** The geofence service's counters as Prometheus metrics ({@code nearcast_geofence_*}); no ids in any meter. */
public final class GeofenceMeters {

    private GeofenceMeters() {
    }

    public static void bind(MeterRegistry meters, GeofenceService geofence) {
        PresenceTracker tracker = geofence.tracker();
        PresenceCounters c = tracker.counters();
        counter(meters, "nearcast.geofence.sightings", "sightings of consenting shoppers taken into their presence", c, PresenceCounters::sightings);
        counter(meters, "nearcast.geofence.sightings.anonymous", "sightings without location consent, counted as anonymous footfall only", c, PresenceCounters::anonymousSightings);
        counter(meters, "nearcast.geofence.sightings.unplaced", "sightings of anchors placed in no zone", c, PresenceCounters::unplacedSightings);
        counter(meters, "nearcast.geofence.sightings.without.consent", "sightings naming a shopper whose location consent is no longer given", c, PresenceCounters::sightingsWithoutConsent);
        counter(meters, "nearcast.geofence.observations.late", "observations older than the last processed one for the shopper (beyond the reorder window), not used", c, PresenceCounters::lateObservations);
        counter(meters, "nearcast.geofence.observations.forced", "observations processed early because too many waited for reordering", c, PresenceCounters::forcedReleases);
        counter(meters, "nearcast.geofence.fixes", "GPS fixes accepted", c, PresenceCounters::fixes);
        counter(meters, "nearcast.geofence.fixes.inaccurate", "GPS fixes ignored for a worse accuracy than the limit", c, PresenceCounters::inaccurateFixes);
        counter(meters, "nearcast.geofence.fixes.suspicious", "GPS fixes ignored as an impossible jump", c, PresenceCounters::suspiciousFixes);
        FunctionCounter.builder("nearcast.geofence.events", c, PresenceCounters::enters).tag("type", "enter").description("zone events").register(meters);
        FunctionCounter.builder("nearcast.geofence.events", c, PresenceCounters::dwells).tag("type", "dwell").description("zone events").register(meters);
        FunctionCounter.builder("nearcast.geofence.events", c, PresenceCounters::exits).tag("type", "exit").description("zone events").register(meters);
        counter(meters, "nearcast.geofence.shoppers.evicted", "shoppers let go because the presence store was full", c, PresenceCounters::evicted);
        counter(meters, "nearcast.geofence.consent.withdrawn", "shoppers whose tracking stopped on a consent withdrawal", c, PresenceCounters::consentWithdrawals);
        counter(meters, "nearcast.geofence.sink.failures", "zone events a sink threw on", c, PresenceCounters::sinkFailures);
        Gauge.builder("nearcast.geofence.shoppers.tracked", tracker, PresenceTracker::tracked).description("consenting shoppers tracked now").register(meters);
        Gauge.builder("nearcast.geofence.zones", geofence, g -> g.zones().size()).description("zones in the index in force").register(meters);
        GeofenceRecorder recorder = geofence.recorder();
        counter(meters, "nearcast.geofence.history.recorded", "zone events written to the visit history", recorder, GeofenceRecorder::recorded);
        counter(meters, "nearcast.geofence.history.dropped", "zone events the full history queue turned away (still in the statistics)", recorder, GeofenceRecorder::dropped);
        counter(meters, "nearcast.geofence.history.failures", "history or statistics writes the database refused (retried)", recorder, GeofenceRecorder::failures);
        Gauge.builder("nearcast.geofence.history.queue", recorder, GeofenceRecorder::queued).description("zone events waiting for the history writer").register(meters);
        ZoneEventPublisher publisher = geofence.publisher();
        counter(meters, "nearcast.geofence.events.published", "zone events the broker confirmed on nearcast/v1/events/zones", publisher, ZoneEventPublisher::published);
        counter(meters, "nearcast.geofence.events.publish.failed", "zone events the broker did not confirm after every attempt", publisher, ZoneEventPublisher::failed);
        counter(meters, "nearcast.geofence.events.publish.dropped", "zone events the full publish queue turned away", publisher, ZoneEventPublisher::dropped);
        Gauge.builder("nearcast.geofence.events.publish.queue", publisher, ZoneEventPublisher::queued).description("zone events waiting to be published").register(meters);
        counter(meters, "nearcast.geofence.sightings.infrastructure", "scanner sightings of registered beacons (no shopper in them)", geofence.feed(), GeofenceFeed::infrastructureSightings);
    }

    private static <T> void counter(MeterRegistry meters, String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(meters);
    }
}
