package io.nearcast.app.geofence;

import io.micronaut.json.JsonMapper;
import io.nearcast.app.mqtt.ConfirmedPublisher;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.geofence.domain.ZoneEventSink;
import io.nearcast.kernel.domain.Topic;

/**
 * Publishes zone events to {@code nearcast/v1/events/zones} at QoS 1 through a
 * {@link ConfirmedPublisher} (bounded queue, {@value ConfirmedPublisher#IN_FLIGHT} in flight,
 * {@value ConfirmedPublisher#ATTEMPTS} attempts), so the tracker never waits for the broker.
 * Consumers order a visit's events by type and {@code ts} (a retried event arrives after later
 * ones). Thread-safe.
 */
public final class ZoneEventPublisher implements ZoneEventSink, AutoCloseable {

    private final ConfirmedPublisher<ZoneEvent> events;

    ZoneEventPublisher(ConfirmedPublisher.Publisher publisher, JsonMapper json, int capacity) {
        this.events = new ConfirmedPublisher<>(publisher,
                event -> new ConfirmedPublisher.Message(Topic.ZONE_EVENTS.format(), json.writeValueAsBytes(ZoneEventMessage.of(event))),
                capacity, "zone events", "nearcast-zone-events");
    }

    void start() {
        events.start();
    }

    @Override
    public void accept(ZoneEvent event) {
        events.accept(event);
    }

    long published() {
        return events.published();
    }

    long failed() {
        return events.failed();
    }

    long dropped() {
        return events.dropped();
    }

    int queued() {
        return events.queued();
    }

    @Override
    public void close() {
        events.close();
    }
}
