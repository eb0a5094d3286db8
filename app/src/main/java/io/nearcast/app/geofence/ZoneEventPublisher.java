package io.nearcast.app.geofence;

import io.micronaut.json.JsonMapper;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.geofence.domain.ZoneEventSink;
import io.nearcast.kernel.domain.Topic;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes zone events to {@code nearcast/v1/events/zones} at QoS 1 from a bounded queue, so the
 * tracker never waits for the broker. One worker keeps at most {@value #IN_FLIGHT} publishes
 * unconfirmed (below Mosquitto's default of 20 in flight); a publish the broker does not confirm
 * is tried again up to {@value #ATTEMPTS} times, a second apart, then counted as failed. An event
 * that finds the queue full is counted as dropped. Events leave in the order they came, except that
 * a retried one arrives after later ones (consumers order a visit by type and {@code ts}). Thread-safe.
 */
public final class ZoneEventPublisher implements ZoneEventSink, AutoCloseable {

    static final int IN_FLIGHT = 16;
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ZoneEventPublisher.class);

    /** Publishes at QoS 1; the future completes when the broker confirmed ({@code MqttLink::publish}). */
    @FunctionalInterface
    public interface Publisher {
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);
    }

    private final Publisher publisher;
    private final JsonMapper json;
    private final BlockingQueue<ZoneEvent> queue;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    ZoneEventPublisher(Publisher publisher, JsonMapper json, int capacity) {
        this.publisher = publisher;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, "nearcast-zone-events");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    @Override
    public void accept(ZoneEvent event) {
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    long published() {
        return published.get();
    }

    long failed() {
        return failed.get();
    }

    long dropped() {
        return dropped.get();
    }

    int queued() {
        return queue.size();
    }

    private void work() {
        while (!closed || !queue.isEmpty()) {
            try {
                ZoneEvent event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    send(json.writeValueAsBytes(ZoneEventMessage.of(event)), 1);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                failed.incrementAndGet();
                LOG.warn("A zone event could not be written as JSON: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void send(byte[] payload, int attempt) throws InterruptedException {
        window.acquire();
        publisher.publish(Topic.ZONE_EVENTS.format(), payload, 1, false).whenComplete((ok, failure) -> {
            window.release();
            if (failure == null) {
                published.incrementAndGet();
            } else if (attempt < ATTEMPTS && !closed) {
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
                    try {
                        send(payload, attempt + 1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } else {
                failed.incrementAndGet();
            }
        });
    }

    /** Publishes what is queued (up to 5 s), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(5_000);
            if (!window.tryAcquire(IN_FLIGHT, 5, TimeUnit.SECONDS)) {
                LOG.warn("{} zone events were still unconfirmed at shutdown", IN_FLIGHT - window.availablePermits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
