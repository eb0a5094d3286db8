package io.nearcast.app.campaign;

import io.micronaut.json.JsonMapper;
import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.campaign.domain.ContextBoard;
import io.nearcast.kernel.domain.Topic;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign service's context feed on {@code nearcast/v1/context/+}: every instance
 * subscribes (not shared: each needs every store's weather), QoS 1, and reads the retained
 * reading of each store at once. A message that is not a reading (or too large, or for a
 * malformed store id) is counted by reason and logged without its content. After losing the
 * broker it connects and subscribes again every 5 s. Readings given over REST are published here
 * retained, so other instances and a restarted server see them too.
 */
final class MqttContextFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttContextFeed.class);
    private static final long TIMEOUT_MS = 10_000;
    static final int MAX_PAYLOAD_BYTES = 1024;

    private final MqttIngestSettings login;
    private final ContextBoard board;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, AtomicLong> rejected = Map.of("payload-too-large", new AtomicLong(), "invalid-json", new AtomicLong(),
            "invalid-field", new AtomicLong(), "unknown-topic", new AtomicLong());
    private final AtomicLong accepted = new AtomicLong();
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nearcast-context-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MqttClient client;
    private volatile boolean closed;

    MqttContextFeed(MqttIngestSettings login, ContextBoard board, JsonMapper json) {
        this.login = login;
        this.board = board;
        this.json = json;
    }

    /** Connects and subscribes; returns once the broker granted the subscription. */
    void start() throws MqttException {
        connect();
    }

    private void connect() throws MqttException {
        MqttClient fresh = new MqttClient(login.broker().toString(), "nearcast-context-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        login.username().ifPresent(options::setUserName);
        login.password().ifPresent(options::setPassword);
        options.setCleanStart(true);
        fresh.setCallback(new Deliveries());
        fresh.connect(options);
        IMqttToken token = fresh.subscribe(new MqttSubscription[] {new MqttSubscription(Topic.STORE_CONTEXT.subscriptionFilter(), 1)});
        int[] codes = token.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
            fresh.disconnect(TIMEOUT_MS);
            fresh.close(true);
            throw new IllegalStateException("the broker refused the subscription to " + Topic.STORE_CONTEXT.subscriptionFilter());
        }
        client = fresh;
    }

    private void reconnectLater() {
        if (!closed) {
            reconnects.schedule(() -> {
                try {
                    connect();
                    LOG.info("Context feed subscribed again");
                } catch (MqttException | RuntimeException e) {
                    LOG.warn("Context feed could not reconnect ({}); trying again in 5 s", e.getMessage());
                    reconnectLater();
                }
            }, 5, TimeUnit.SECONDS);
        }
    }

    void deliver(String topic, byte[] payload) {
        List<String> store = Topic.STORE_CONTEXT.match(topic).orElse(null);
        if (store == null) {
            reject("unknown-topic");
            return;
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            reject("payload-too-large");
            return;
        }
        ContextMessage message;
        try {
            message = json.readValue(payload, ContextMessage.class);
        } catch (IOException | RuntimeException e) {
            reject("invalid-json");
            return;
        }
        try {
            board.post(message.toReading(store.get(0), clock.instant()));
            accepted.incrementAndGet();
        } catch (RuntimeException e) {
            reject("invalid-field");
        }
    }

    private void reject(String reason) {
        long n = rejected.get(reason).incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th ... of a reason: visible without flooding the log
            LOG.warn("Context message refused ({}), {} so far", reason, n);
        }
    }

    long accepted() {
        return accepted.get();
    }

    long rejected(String reason) {
        return rejected.get(reason).get();
    }

    Map<String, AtomicLong> rejections() {
        return rejected;
    }

    private final class Deliveries extends MqttCallbackAdapter {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            deliver(topic, message.getPayload());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("Context feed lost the broker");
            reconnectLater();
        }
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        MqttClient current = client;
        if (current != null) {
            try {
                if (current.isConnected()) {
                    current.disconnect(TIMEOUT_MS);
                }
                current.close(true);
            } catch (MqttException e) {
                LOG.warn("Closing the context feed failed: {}", e.getMessage());
            }
        }
    }
}
