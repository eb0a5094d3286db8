package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.BroadcastSighting;
import io.nearcast.gateway.domain.ingest.BroadcastSink;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.kernel.domain.Topic;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of {@link MqttSightingSink}, for a geofence service in another process: a
 * shared subscription to {@code nearcast/v1/internal/stores/+/sightings} (group
 * {@code shareGroup}, so several instances split the stores' traffic), persistent session, QoS 1.
 * Each message is decoded and handed to the {@link SightingSink} in Paho's callback, which
 * acknowledges after it returns. A message that is not a sighting is counted and dropped (only
 * Nearcast publishes there, so it signals a bug, logged without its content).
 */
public final class MqttSightingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSightingSource.class);
    private static final long TIMEOUT_MS = 10_000;

    private final MqttClient client;
    private final SightingSink sink;
    private final BroadcastSink broadcasts;
    private final JsonMapper json;
    private final String shareGroup;
    private final AtomicLong unreadable = new AtomicLong();

    /** Broadcasts (scanners hearing shopper apps) are read and dropped, counted as unreadable. */
    public MqttSightingSource(URI broker, Optional<String> username, Optional<byte[]> password, String shareGroup, SightingSink sink, JsonMapper json)
            throws MqttException {
        this(broker, username, password, shareGroup, sink, null, json);
    }

    /** @param broadcasts where shopper broadcasts go, or null to count them as unreadable */
    public MqttSightingSource(URI broker, Optional<String> username, Optional<byte[]> password, String shareGroup, SightingSink sink,
                              BroadcastSink broadcasts, JsonMapper json) throws MqttException {
        this.broadcasts = broadcasts;
        this.client = new MqttClient(broker.toString(), "nearcast-sightings-" + UUID.randomUUID(), new MemoryPersistence());
        this.sink = sink;
        this.json = json;
        this.shareGroup = shareGroup;
        MqttConnectionOptions options = new MqttConnectionOptions();
        username.ifPresent(options::setUserName);
        password.ifPresent(options::setPassword);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        client.connect(options);
    }

    /** Subscribes; messages flow to the sink from now on. */
    public void start() throws MqttException {
        String filter = "$share/" + shareGroup + "/" + Topic.INTERNAL_SIGHTINGS.subscriptionFilter();
        // the client-wide callback, not a per-subscription listener: Paho 1.2.5 matches listeners
        // against the filter with its "$share/<group>/" prefix, so a shared subscription's listener never fires
        client.setCallback(new Deliveries());
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
        int[] codes = token.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
            throw new IllegalStateException("the broker refused the subscription to " + filter);
        }
    }

    /** Decodes in the callback; the sinks' failures propagate, so Paho does not acknowledge and the broker redelivers. */
    private void deliver(byte[] payload) {
        NormalizedSighting sighting = null;
        BroadcastSighting broadcast = null;
        try {
            SightingMessage message = json.readValue(payload, SightingMessage.class);
            if (message.isBroadcast()) {
                broadcast = message.toBroadcast();
            } else {
                sighting = message.toSighting();
            }
        } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.warn("A message on the internal sightings topic is not a sighting ({} bytes): {}", payload.length, e.getClass().getSimpleName());
            return;
        }
        if (sighting != null) {
            sink.accept(List.of(sighting));
        } else if (broadcasts != null) {
            broadcasts.heard(List.of(broadcast));
        } else {
            unreadable.incrementAndGet();
        }
    }

    private final class Deliveries extends MqttCallbackAdapter {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            deliver(message.getPayload());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("Internal sightings source lost the broker");
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("Internal sightings source MQTT error: {}", exception.getMessage());
        }
    }

    /** Messages on the internal topic that were not sightings. */
    public long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(TIMEOUT_MS);
        }
        client.close(true);
    }
}
