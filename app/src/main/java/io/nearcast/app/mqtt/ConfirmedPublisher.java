package io.nearcast.app.mqtt;

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
 * Publishes Nearcast's own messages at QoS 1 from a bounded queue, so the component that makes
 * them never waits for the broker. One worker keeps at most {@value #IN_FLIGHT} publishes
 * unconfirmed (below Mosquitto's default of 20 in flight); a publish the broker does not confirm
 * is tried again up to {@value #ATTEMPTS} times, a second apart, then counted as failed. A
 * message that finds the queue full is counted as dropped. Messages leave in the order they came,
 * except that a retried one arrives after later ones. Thread-safe.
 *
 * @param <T> what is published; encoded on the worker thread
 */
public final class ConfirmedPublisher<T> implements AutoCloseable {

    public static final int IN_FLIGHT = 16;
    public static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedPublisher.class);

    /** Publishes at QoS 1; the future completes when the broker confirmed ({@code MqttLink::publish}). */
    @FunctionalInterface
    public interface Publisher {
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);
    }

    /** A message's topic and JSON bytes. */
    public record Message(String topic, byte[] payload) {
    }

    /** Turns an item into its message. */
    @FunctionalInterface
    public interface Encoder<T> {
        Message encode(T item) throws IOException;
    }

    private final Publisher publisher;
    private final Encoder<T> encoder;
    private final String what;
    private final BlockingQueue<T> queue;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    /** @param what plural noun for logs, e.g. {@code zone events} */
    public ConfirmedPublisher(Publisher publisher, Encoder<T> encoder, int capacity, String what, String threadName) {
        this.publisher = publisher;
        this.encoder = encoder;
        this.what = what;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, threadName);
        this.worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    /** Queues the item; never blocks. */
    public void accept(T item) {
        if (!queue.offer(item)) {
            dropped.incrementAndGet();
        }
    }

    public long published() {
        return published.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public int queued() {
        return queue.size();
    }

    private void work() {
        while (!closed || !queue.isEmpty()) {
            try {
                T item = queue.poll(200, TimeUnit.MILLISECONDS);
                if (item != null) {
                    send(encoder.encode(item), 1);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                failed.incrementAndGet();
                LOG.warn("One of the {} could not be written as JSON: {}", what, e.getClass().getSimpleName());
            }
        }
    }

    private void send(Message message, int attempt) throws InterruptedException {
        window.acquire();
        publisher.publish(message.topic(), message.payload(), 1, false).whenComplete((ok, failure) -> {
            window.release();
            if (failure == null) {
                published.incrementAndGet();
            } else if (attempt < ATTEMPTS && !closed) {
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
                    try {
                        send(message, attempt + 1);
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
                LOG.warn("{} {} were still unconfirmed at shutdown", IN_FLIGHT - window.availablePermits(), what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
