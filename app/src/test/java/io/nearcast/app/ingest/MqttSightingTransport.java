package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.kernel.mqtt.MqttLink;
import io.nearcast.kernel.mqtt.MqttLinkSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The MQTT transport as the server runs it: Nearcast's {@link MqttLink} behind {@link MqttSightingSink}, a {@link MqttSightingSource} receiving. */
final class MqttSightingTransport implements AutoCloseable {

    private final MqttLink link;
    private final MqttSightingSource source;
    final MqttSightingSink sink;

    MqttSightingTransport(String broker, Optional<String> username, Optional<byte[]> password, SightingSink receiver) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        source = new MqttSightingSource(URI.create(broker), username, password, "geofence-" + UUID.randomUUID().toString().substring(0, 8), receiver, json);
        source.start();
        link = new MqttLink(new MqttLinkSettings(URI.create(broker), "gateway-" + UUID.randomUUID(), username, password,
                Duration.ofSeconds(10), Duration.ofSeconds(5)));
        link.connect();
        sink = new MqttSightingSink(link::publish, json);
    }

    @Override
    public void close() throws Exception {
        source.close();
        link.close();
    }
}
