package io.nearcast.sim.load;

import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One MQTT 5 connection that publishes at QoS 1 with a bounded window of unacknowledged
 * publishes: a permit is taken per publish and given back when its PUBACK arrives. The window is
 * {@value #MAX_WINDOW} or the broker's Receive Maximum, whichever is smaller (Paho refuses to
 * exceed the latter).
 */
final class Publisher implements AutoCloseable {

    static final int MAX_WINDOW = 256;
    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final int window;
    private final Semaphore permits;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final MqttActionListener released = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            permits.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, cause);
            permits.release();
        }
    };

    private Publisher(MqttAsyncClient client, int window) {
        this.client = client;
        this.window = window;
        this.permits = new Semaphore(window);
    }

    static Publisher connect(String broker) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker, "nearcast-bench-pub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(TIMEOUT_MS);
        Integer receiveMaximum = connected.getResponseProperties() == null ? null : connected.getResponseProperties().getReceiveMaximum();
        return new Publisher(client, Math.min(MAX_WINDOW, receiveMaximum == null ? 65_535 : receiveMaximum));
    }

    /** Unacknowledged publishes allowed at once. */
    int window() {
        return window;
    }

    /** Blocks while the window is full. */
    void publish(String topic, byte[] payload) throws InterruptedException, MqttException {
        permits.acquire();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        while (true) {
            try {
                client.publish(topic, message, null, released);
                return;
            } catch (MqttException e) {
                // the PUBACK callback may run a moment before Paho itself counts the slot as free
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    permits.release();
                    throw e;
                }
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** Waits until every publish so far is acknowledged; fails if any was not. */
    void drain() throws InterruptedException {
        if (!permits.tryAcquire(window, 2 * TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the broker did not acknowledge " + (window - permits.availablePermits()) + " publishes within "
                    + 2 * TIMEOUT_MS / 1000 + " s");
        }
        permits.release(window);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed, the first with: " + firstFailure.get());
        }
    }

    @Override
    public void close() {
        PahoClients.closeQuietly(client);
    }
}
