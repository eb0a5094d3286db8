package io.nearcast.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.Observer;
import io.nearcast.gateway.domain.ingest.SightingSink;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How normalised sightings reach the geofence service, in-process or over the internal MQTT topic:
 * every sighting arrives with every field, whatever its frame and observer.
 */
@Timeout(60)
abstract class SightingTransportContract {

    final String store = UUID.randomUUID().toString();
    final Queue<NormalizedSighting> received = new ConcurrentLinkedQueue<>();

    /** The sink the gateway writes to; what it carries must end up in {@code receiver}. */
    abstract SightingSink transport(SightingSink receiver) throws Exception;

    @Test
    void deliversEverySightingWithAllItsFields() throws Exception {
        Instant at = Instant.parse("2026-11-23T12:00:00.123Z");
        List<NormalizedSighting> sent = List.of(
                new NormalizedSighting(store, new Observer.Scanner(UUID.randomUUID().toString()), UUID.randomUUID().toString(),
                        new BeaconFrame.IBeacon(UUID.fromString("f7826da6-4fa2-4e98-8024-bc5b71e0893e"), 1, 2, -59), -67, -59, at),
                new NormalizedSighting(store, new Observer.Shopper(UUID.randomUUID().toString()), UUID.randomUUID().toString(),
                        new BeaconFrame.AltBeacon(0, "2f234454cf6d4a0fadf2f4911ba9ffa6", 1, 65535, -60, 0), -80, -62, at.plusMillis(1)),
                new NormalizedSighting(store, new Observer.AnonymousShopper(), UUID.randomUUID().toString(),
                        new BeaconFrame.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67", -20), -71, -61, at.plusMillis(2)),
                new NormalizedSighting(store, new Observer.Scanner(UUID.randomUUID().toString()), UUID.randomUUID().toString(),
                        new BeaconFrame.EddystoneEid("0011223344556677", -18), -90, -59, at.plusMillis(3)));

        transport(received::addAll).accept(sent);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < sent.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }
}
