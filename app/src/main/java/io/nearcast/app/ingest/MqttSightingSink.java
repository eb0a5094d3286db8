package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.BroadcastSighting;
import io.nearcast.gateway.domain.ingest.BroadcastSink;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.kernel.domain.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link SightingSink} for split deployments: each sighting goes to
 * {@code nearcast/v1/internal/stores/{storeId}/sightings} at QoS 1, and {@link #accept} returns
 * only when the broker confirmed every one, so the device's message is acknowledged only after
 * its sightings are safe with the broker. A failure or {@link #CONFIRM_WITHIN} without
 * confirmation throws: the device's message stays unacknowledged and comes again.
 */
public final class MqttSightingSink implements SightingSink, BroadcastSink {

    static final Duration CONFIRM_WITHIN = Duration.ofSeconds(5);

    /** Publishes at QoS 1; the future completes when the broker confirmed (e.g. {@code MqttLink::publish}). */
    @FunctionalInterface
    public interface Publisher {
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);
    }

    private final Publisher publisher;
    private final JsonMapper json;

    public MqttSightingSink(Publisher publisher, JsonMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public void accept(List<NormalizedSighting> sightings) {
        await(sightings.stream().map(sighting -> publish(sighting.storeId(), SightingMessage.of(sighting))).toList());
    }

    /** Shopper broadcasts scanners heard go the same way, as {@code kind: broadcast}. */
    @Override
    public void heard(List<BroadcastSighting> broadcasts) {
        await(broadcasts.stream().map(broadcast -> publish(broadcast.storeId(), SightingMessage.of(broadcast))).toList());
    }

    private CompletableFuture<Void> publish(String storeId, SightingMessage message) {
        try {
            return publisher.publish(Topic.INTERNAL_SIGHTINGS.format(storeId), json.writeValueAsBytes(message), 1, false);
        } catch (IOException e) {
            throw new UncheckedIOException("a sighting could not be written as JSON", e);
        }
    }

    private static void await(List<CompletableFuture<Void>> confirmations) {
        try {
            CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new)).get(CONFIRM_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker confirmed sightings", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not confirm " + confirmations.size() + " sightings: " + e, e);
        }
    }
}
