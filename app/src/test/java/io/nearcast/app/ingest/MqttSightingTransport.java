package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.SightingSink;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/** The MQTT transport for tests: a publishing client behind {@link MqttSightingSink}, a {@link MqttSightingSource} receiving. */
final class MqttSightingTransport implements AutoCloseable {

    private final MqttAsyncClient publisher;
    private final MqttSightingSource source;
    final MqttSightingSink sink;

    MqttSightingTransport(String broker, Optional<String> username, Optional<byte[]> password, SightingSink receiver) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        source = new MqttSightingSource(URI.create(broker), username, password, "geofence-" + UUID.randomUUID().toString().substring(0, 8), receiver, json);
        source.start();
        publisher = new MqttAsyncClient(broker, "gateway-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        username.ifPresent(options::setUserName);
        password.ifPresent(options::setPassword);
        publisher.connect(options).waitForCompletion(10_000);
        sink = new MqttSightingSink(this::publish, json);
    }

    private CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            publisher.publish(topic, payload, qos, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    confirmed.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    confirmed.completeExceptionally(failure);
                }
            });
        } catch (Exception e) {
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    @Override
    public void close() throws Exception {
        source.close();
        publisher.disconnect().waitForCompletion(5_000);
        publisher.close();
    }
}
