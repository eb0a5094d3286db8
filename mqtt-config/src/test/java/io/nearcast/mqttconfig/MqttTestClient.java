package io.nearcast.mqttconfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A Paho MQTT 5 client for tests: publishes with QoS 1 and reports the broker's PUBACK reason
 * code, and records every message it receives. Used from one test thread; the Paho callback only
 * appends to an unbounded queue, so it never blocks.
 */
final class MqttTestClient implements AutoCloseable {

    private static final long TIMEOUT_MS = 5_000;

    /** A received message, payload decoded as UTF-8. */
    record Received(String topic, String payload) {
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();

    private MqttTestClient(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects with a clean start.
     *
     * @param username null for an anonymous client
     * @throws MqttException when the broker refuses; {@link MqttException#getReasonCode()} is the CONNACK reason
     */
    static MqttTestClient connect(String uri, String username, String password) throws MqttException {
        String clientId = (username == null ? "anonymous" : username) + "-" + UUID.randomUUID();
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttTestClient testClient = new MqttTestClient(client);
        client.setCallback(testClient.new Recorder());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException refused) {
            client.close(true);
            throw refused;
        }
        return testClient;
    }

    /** Subscribes with QoS 1 and returns the SUBACK reason code (0x01 = granted QoS 1). */
    int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(TIMEOUT_MS);
        return token.getReasonCodes()[0];
    }

    /** Publishes with QoS 1 and returns the PUBACK reason code (0x00 success, 0x87 not authorised...). */
    int publish(String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(TIMEOUT_MS);
        } catch (MqttException failed) {
            if (token.getReasonCodes() == null) {
                throw failed;
            }
        }
        return token.getReasonCodes()[0];
    }

    /** Waits until a message with this payload arrives; empty after {@code timeout}. */
    Optional<Received> awaitPayload(String payload, Duration timeout) throws InterruptedException {
        Optional<Received> earlier = seen.stream().filter(message -> message.payload().equals(payload)).findFirst();
        if (earlier.isPresent()) {
            return earlier;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Received next = arrivals.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            seen.add(next);
            if (next.payload().equals(payload)) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /** Whether a message with this payload has arrived by now (does not wait). */
    boolean hasReceived(String payload) {
        arrivals.drainTo(seen);
        return seen.stream().anyMatch(message -> message.payload().equals(payload));
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MS);
            }
        } finally {
            client.close(true);
        }
    }

    /** Paho's callback: records, never blocks, never throws. */
    private final class Recorder extends MqttCallbackAdapter {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrivals.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
        }

    }
}
