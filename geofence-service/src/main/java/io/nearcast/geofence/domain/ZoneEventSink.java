package io.nearcast.geofence.domain;

/**
 * Port: where zone events go (the campaign service, {@code nearcast/v1/events/zones}, the visit
 * history, the zone statistics). Called while the shopper's presence is held, so the events of
 * one shopper arrive in order; an implementation must return quickly (hand the event to a
 * bounded queue and count what does not fit) and must not call back into the tracker.
 */
@FunctionalInterface
public interface ZoneEventSink {

    void accept(ZoneEvent event);
}
