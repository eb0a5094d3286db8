package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import io.nearcast.app.ingest.MqttSightingSource;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.Observer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code NEARCAST_SIGHTINGS=mqtt} the server hands accepted sightings to geofence services in
 * other processes over {@code nearcast/v1/internal/stores/{storeId}/sightings}: a scanner's
 * sighting of a registered beacon arrives there, normalised, for a consumer with the service account.
 */
@Timeout(60)
class InternalSightingsEndToEndTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer(Map.of("nearcast.sightings", "mqtt"));

    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";

    @Test
    void anAcceptedSightingIsPublishedOnTheInternalTopic() throws Exception {
        String store = server.createStore("Split store");
        String device = server.createDevice(store);
        HttpResponse<String> beacon = server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN,
                "{\"kind\":\"ibeacon\",\"uuid\":\"e2c56db5-dffb-48d2-b060-d0f5a71096e0\",\"major\":1,\"minor\":2}");
        String beaconId = ApiServer.field(beacon.body(), "id");
        TestBroker broker = TestBroker.get();
        Queue<NormalizedSighting> received = new ConcurrentLinkedQueue<>();

        try (MqttSightingSource geofence = new MqttSightingSource(URI.create(broker.url()), Optional.of(ServiceAccount.USERNAME),
                Optional.of(broker.serviceAccount().password()), "geofence-" + UUID.randomUUID().toString().substring(0, 8), received::addAll,
                JsonMapper.createDefault())) {
            geofence.start();
            ApiServer.publishAsScanner(store, device, "{\"ts\":" + System.currentTimeMillis() + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":-64}]}");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        assertThat(received).singleElement().satisfies(sighting -> {
            assertThat(sighting.storeId()).isEqualTo(store);
            assertThat(sighting.beaconId()).isEqualTo(beaconId);
            assertThat(sighting.observer()).isEqualTo(new Observer.Scanner(device));
            assertThat(sighting.rssi()).isEqualTo(-64);
        });
    }

}
