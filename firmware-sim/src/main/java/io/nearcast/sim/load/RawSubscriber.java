package io.nearcast.sim.load;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The baseline: a subscriber that does nothing but count, on its own connection, QoS 1 with
 * Paho's automatic acknowledgement, so its rate is what the broker can deliver.
 */
final class RawSubscriber extends MqttCallbackAdapter implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final AtomicLong arrived = new AtomicLong();
    private volatile long expected;
    private volatile long lastArrivalNanos;
    private volatile CountDownLatch all = new CountDownLatch(0);

    private RawSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static RawSubscriber subscribe(String broker, String topic) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker, "nearcast-bench-raw-" + UUID.randomUUID(), new MemoryPersistence());
        RawSubscriber subscriber = new RawSubscriber(client);
        client.setCallback(subscriber);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken subscribed = client.subscribe(topic, 1);
        subscribed.waitForCompletion(TIMEOUT_MS);
        int[] codes = subscribed.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
            throw new IllegalStateException("the broker refused the raw subscription to " + topic);
        }
        return subscriber;
    }

    /** Starts counting afresh towards {@code n} arrivals. */
    void expect(long n) {
        arrived.set(0);
        expected = n;
        all = new CountDownLatch(1);
    }

    /** @return whether all expected messages arrived in time */
    boolean await(long timeoutMs) throws InterruptedException {
        return all.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    long arrived() {
        return arrived.get();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        lastArrivalNanos = System.nanoTime();
        if (arrived.incrementAndGet() == expected) {
            all.countDown();
        }
    }

    @Override
    public void close() {
        PahoClients.closeQuietly(client);
    }
}
