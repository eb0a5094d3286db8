package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.Reject;
import io.nearcast.gateway.domain.ingest.ScannerIngest;
import io.nearcast.gateway.domain.ingest.ShopperIngest;
import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthProbe;
import io.nearcast.kernel.domain.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MQTT consumer of scanner (and, when given a {@link ShopperIngest}, shopper-app)
 * sightings: a shared subscription, QoS 1 with manual acknowledgement — a message is acknowledged
 * only after the ingest handed it on or rejected it. Paho's callback only enqueues; workers do the
 * rest and publish every scanner reject to the device's rejects topic. The broker may send at most
 * {@code receiveMaximum} unacknowledged messages per connection; one that ignores that (Mosquitto
 * 2.0.11) finds the queue full and Paho's thread waiting, which is TCP back-pressure.
 *
 * <p>A persistent session (clean start false, one hour expiry) keeps unacknowledged messages
 * across a broker restart; after a lost connection the ingest reconnects with a new Paho client
 * (see {@link #startWatchdog}). Each delivery remembers the connection it came on; one from an
 * earlier connection is still handed on but never acknowledged, since its packet identifier means
 * nothing on the new connection (the broker redelivers it there, and de-duplication recognises
 * the repeat, which is then acknowledged). A graceful {@link #close} ends the session. Messages of
 * different devices may be handled in any order.
 */
public final class MqttIngest implements HealthProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final long TIMEOUT_MS = 10_000;
    /** Milliseconds from a lost connection to the first reconnect attempt. */
    static final long FIRST_RETRY_MS = 250;
    /** How long a worker waits for room in Paho's publish window to send a reject. */
    static final java.time.Duration REJECT_PATIENCE = java.time.Duration.ofSeconds(5);
    /** The queue holds the allowance of this many connections: the current one and leftovers of earlier ones. */
    private static final int QUEUE_CONNECTIONS = 4;

    private final MqttIngestSettings settings;
    private final ScannerIngest ingest;
    private final ShopperIngest shoppers;
    private final JsonMapper json;
    private final Payloads payloads;
    private final Timer handling;
    private final BlockingQueue<Delivery> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong staleDiscarded = new AtomicLong();
    private final AtomicLong rejectsUnpublished = new AtomicLong();
    private final AtomicLong backPressureWaits = new AtomicLong();
    private final AtomicLong leftForRedelivery = new AtomicLong();
    private final AtomicInteger connection = new AtomicInteger();
    private final String clientId = "nearcast-ingest-" + UUID.randomUUID();
    private final AtomicLong rebuilds = new AtomicLong();
    private volatile MqttAsyncClient client;
    private volatile long disconnectedSinceNanos;
    private volatile Thread watchdog;
    private volatile boolean running = true;

    /** A message as it arrived, with the number of the connection it came on. */
    private record Delivery(String topic, MqttMessage message, int connection, long arrivedNanos) {
    }

    public MqttIngest(MqttIngestSettings settings, ScannerIngest ingest, JsonMapper json) throws MqttException {
        this(settings, ingest, json, new SimpleMeterRegistry());
    }

    /**
     * @param meters where the ingest's own meters go: {@code nearcast.ingest.handling} (receipt to
     *               handed on or rejected), {@code nearcast.ingest.queue}, and the back-pressure counters
     */
    public MqttIngest(MqttIngestSettings settings, ScannerIngest ingest, JsonMapper json, MeterRegistry meters) throws MqttException {
        this(settings, ingest, null, json, meters);
    }

    /**
     * Also consumes shopper-app sightings ({@code nearcast/v1/shoppers/+/sightings}, same shared group);
     * their rejects are counted only (a shopper app may read nothing but its offers).
     */
    public MqttIngest(MqttIngestSettings settings, ScannerIngest ingest, ShopperIngest shoppers, JsonMapper json, MeterRegistry meters)
            throws MqttException {
        this.settings = settings;
        this.ingest = ingest;
        this.shoppers = shoppers;
        this.json = json;
        this.payloads = new Payloads(json, settings.maxPayloadBytes());
        this.handling = IngestMeters.handlingTimer(meters, "mqtt");
        this.queue = new LinkedBlockingQueue<>(QUEUE_CONNECTIONS * settings.receiveMaximum());
        this.client = newClient();
        IngestMeters.bindMqtt(meters, this);
    }

    /** Connects, subscribes and starts the workers; returns once subscribed. */
    public void start() throws MqttException {
        MqttConnectionOptions options = options();
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = new Thread(this::work, "nearcast-ingest-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        try {
            client.connect(options).waitForCompletion(TIMEOUT_MS);
            IMqttToken subscribed = subscribe();
            subscribed.waitForCompletion(TIMEOUT_MS);
            requireGranted(subscribed);
        } catch (MqttException | RuntimeException e) {
            close(); // no worker or client outlives a failed start
            throw e;
        }
        startWatchdog();
        LOG.info("Ingest subscribed to {} (group {}, receive maximum {})", String.join(" and ", filters()),
                settings.shareGroup(), settings.receiveMaximum());
    }

    /** Connection options: persistent session (clean start false, one hour), Receive Maximum. */
    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(options::setPassword);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setAutomaticReconnect(false); // reconnecting is ours: one Paho client per connection (see reconnectLoop)
        return options;
    }

    /** A client with the ingest's one client id (so a new client resumes the same session) and manual acknowledgements. */
    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient created = new MqttAsyncClient(settings.broker().toString(), clientId, new MemoryPersistence());
        created.setManualAcks(true);
        created.setCallback(new Callback(created));
        return created;
    }

    /**
     * Reconnects after a lost connection with a new Paho client each time (same client id, so the
     * broker resumes the persistent session and redelivers what was not acknowledged), then
     * subscribes again. Paho's own automatic reconnect is not used: in 1.2.5 it can hang for good
     * (its sender thread never starts: eclipse-paho/paho.mqtt.java#999 and #953; seen here after a
     * Mosquitto restart). The first attempt comes {@value #FIRST_RETRY_MS} ms after the loss, then
     * the wait doubles to at most 10 s: the sooner the ingest subscribes again, the shorter the time
     * in which a broker that does not restore shared subscriptions (Mosquitto 2.0.11) drops sightings.
     */
    private void startWatchdog() {
        Thread thread = new Thread(this::reconnectLoop, "nearcast-ingest-reconnect");
        thread.setDaemon(true);
        thread.start();
        watchdog = thread;
    }

    private void reconnectLoop() {
        long backoffMs = FIRST_RETRY_MS;
        while (running) {
            try {
                Thread.sleep(disconnectedSinceNanos == 0 ? 100 : backoffMs);
            } catch (InterruptedException e) {
                return;
            }
            if (!running || disconnectedSinceNanos == 0) {
                continue;
            }
            if (reconnect()) {
                backoffMs = FIRST_RETRY_MS;
            } else {
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    /** One attempt with a fresh client; true when connected and subscribed. */
    private boolean reconnect() {
        MqttAsyncClient lost = client;
        closeInBackground(lost);
        try {
            MqttAsyncClient fresh = newClient();
            client = fresh;
            fresh.connect(options()).waitForCompletion(TIMEOUT_MS);
            IMqttToken subscribed = subscribe();
            subscribed.waitForCompletion(TIMEOUT_MS);
            requireGranted(subscribed);
            rebuilds.incrementAndGet();
            disconnectedSinceNanos = 0;
            LOG.info("Ingest reconnected and subscribed again");
            return true;
        } catch (MqttException | RuntimeException e) {
            LOG.warn("Ingest could not reconnect yet: {}", e.getMessage());
            return false;
        }
    }

    private static void closeInBackground(MqttAsyncClient old) {
        Thread closer = new Thread(() -> {
            try {
                old.disconnectForcibly(0, 1_000, false);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("Disconnecting the old client: {}", e.toString());
            }
            try {
                old.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("Closing the old client: {}", e.toString());
            }
        }, "nearcast-ingest-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Times the ingest reconnected (each time with a new client). */
    public long clientRebuilds() {
        return rebuilds.get();
    }

    @Override
    public String component() {
        return "ingest";
    }

    @Override
    public Health check() {
        return client.isConnected() ? Health.up("subscribed, group " + settings.shareGroup() + ", " + queue.size() + " queued")
                : Health.down("not connected to the broker (reconnecting)");
    }

    /** Messages of earlier connections dropped from a full queue, unacknowledged: the broker redelivers them. */
    public long staleDiscarded() {
        return staleDiscarded.get();
    }

    /** Times a message found the queue full of current ones (a broker ignoring Receive Maximum) and Paho's thread waited. */
    public long backPressureWaits() {
        return backPressureWaits.get();
    }

    /** Messages left unacknowledged because the connection dropped while they waited for room; the broker redelivers them. */
    public long leftForRedelivery() {
        return leftForRedelivery.get();
    }

    /** Messages waiting for a worker. */
    public int queued() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        workers.forEach(Thread::interrupt);
        if (watchdog != null) {
            watchdog.interrupt();
        }
        try {
            if (client.isConnected()) {
                // a graceful stop ends the session: the group's other members take over, nothing queues for this one
                MqttProperties endSession = new MqttProperties();
                endSession.setSessionExpiryInterval(0L);
                client.disconnect(TIMEOUT_MS, null, null, 0, endSession).waitForCompletion(TIMEOUT_MS);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("Ingest did not disconnect cleanly: {}", e.getMessage());
        }
    }

    /** A SUBACK reason code of 0x80 or above (e.g. 0x87, not authorised) means no messages will ever come. */
    private void requireGranted(IMqttToken subscribed) {
        int[] codes = subscribed.getReasonCodes();
        List<String> filters = filters();
        for (int i = 0; i < filters.size(); i++) {
            if (codes == null || codes.length <= i || codes[i] >= 0x80) {
                throw new IllegalStateException("the broker refused the ingest's subscription to " + filters.get(i) + " (reason code "
                        + (codes == null || codes.length <= i ? "none" : "0x" + Integer.toHexString(codes[i])) + ")");
            }
        }
    }

    private List<String> filters() {
        return shoppers == null ? List.of(Topic.SCANNER_SIGHTINGS.subscriptionFilter())
                : List.of(Topic.SCANNER_SIGHTINGS.subscriptionFilter(), Topic.SHOPPER_SIGHTINGS.subscriptionFilter());
    }

    private IMqttToken subscribe() throws MqttException {
        String[] shared = filters().stream().map(filter -> "$share/" + settings.shareGroup() + "/" + filter).toArray(String[]::new);
        int[] qos = new int[shared.length];
        java.util.Arrays.fill(qos, 1);
        return client.subscribe(shared, qos);
    }

    private void work() {
        while (running) {
            Delivery delivery;
            try {
                delivery = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                handle(delivery);
            } catch (RuntimeException e) {
                LOG.warn("Ingest failed on a message; it stays unacknowledged and is redelivered after a reconnect: {}", e.toString());
                continue;
            }
            if (delivery.connection() == connection.get()) {
                acknowledge(delivery.message());
            }
        }
    }

    private void handle(Delivery delivery) {
        Optional<List<String>> scanner = Topic.SCANNER_SIGHTINGS.match(delivery.topic());
        if (scanner.isPresent()) {
            handleScanner(delivery, scanner.get().get(0), scanner.get().get(1));
        } else if (shoppers != null) {
            Topic.SHOPPER_SIGHTINGS.match(delivery.topic()).ifPresent(ids -> handleShopper(delivery, ids.get(0)));
        }
        // anything else matched no filter of ours: nothing to hand on, acknowledged
        handling.record(System.nanoTime() - delivery.arrivedNanos(), TimeUnit.NANOSECONDS);
    }

    private void handleScanner(Delivery delivery, String storeId, String deviceId) {
        byte[] payload = delivery.message().getPayload();
        Payloads.Read<ScannerPayload> read = payloads.read(payload, false, ScannerPayload.class, ScannerPayload.SHAPE);
        ScannerIngest.Result result = read instanceof Payloads.Value<ScannerPayload> value
                ? ingest.handle(ScannerIngest.messageKey(delivery.topic(), payload), value.value().report(storeId, deviceId), System.nanoTime())
                : ingest.refuse(((Payloads.Refused<ScannerPayload>) read).reject());
        reject(Topic.DEVICE_REJECTS.format(deviceId), result.rejects());
    }

    /** A shopper's rejects go to {@code nearcast/v1/shoppers/{shopperId}/rejects}, which only that app may read. */
    private void handleShopper(Delivery delivery, String shopperId) {
        byte[] payload = delivery.message().getPayload();
        Payloads.Read<ShopperPayload> read = payloads.read(payload, false, ShopperPayload.class, ShopperPayload.SHAPE);
        ScannerIngest.Result result = read instanceof Payloads.Value<ShopperPayload> value
                ? shoppers.handle(ScannerIngest.messageKey(delivery.topic(), payload), value.value().report(shopperId), System.nanoTime())
                : shoppers.refuse(((Payloads.Refused<ShopperPayload>) read).reject());
        reject(Topic.SHOPPER_REJECTS.format(shopperId), result.rejects());
    }

    /**
     * Publishes each reject at QoS 1. When Paho's window of unacknowledged publishes is full (the
     * broker's Receive Maximum, 20 on Mosquitto), the worker waits for room, up to
     * {@link #REJECT_PATIENCE}: back-pressure rather than a lost reject. A reject that still cannot
     * be published is counted ({@code nearcast_ingest_rejects_unpublished_total}) and logged.
     */
    private void reject(String rejectsTopic, List<Reject> rejects) {
        for (Reject reject : rejects) {
            try {
                byte[] body = json.writeValueAsBytes(new RejectBody(System.currentTimeMillis(), reject.reason(), reject.detail()));
                MqttMessage message = new MqttMessage(body);
                message.setQos(1);
                publishPatiently(rejectsTopic, message);
            } catch (IOException | MqttException | IllegalArgumentException e) {
                rejectsUnpublished.incrementAndGet();
                LOG.warn("Could not publish a reject ({}): {}", reject.reason(), e.getMessage());
            } catch (InterruptedException e) {
                rejectsUnpublished.incrementAndGet();
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publishPatiently(String topic, MqttMessage message) throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + REJECT_PATIENCE.toNanos();
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    /** Rejects that could not be published (broker unreachable, or its window full for too long). */
    public long rejectsUnpublished() {
        return rejectsUnpublished.get();
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.warn("Could not acknowledge a message (redelivered after reconnect): {}", e.getMessage());
        }
    }

    @io.micronaut.serde.annotation.Serdeable
    record RejectBody(long ts, String reason, String detail) {
    }

    /** Only enqueues; the queue is as large as the broker's allowance of unacknowledged messages. */
    private final class Callback extends MqttCallbackAdapter {
        /** The client this callback belongs to; events of a replaced client are ignored. */
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        private boolean replaced() {
            return owner != client;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            if (replaced()) {
                return; // unacknowledged: the new client's session gets it again
            }
            Delivery delivery = new Delivery(topic, message, connection.get(), System.nanoTime());
            if (queue.offer(delivery) || discardOneStale() && queue.offer(delivery)) {
                return;
            }
            // Only a broker that ignores our Receive Maximum gets here (Mosquitto 2.0.11 does, see
            // eclipse-mosquitto/mosquitto#2301). Waiting stops Paho reading the socket: TCP back-pressure.
            backPressureWaits.incrementAndGet();
            while (!queue.offer(delivery, 50, TimeUnit.MILLISECONDS)) {
                if (delivery.connection() != connection.get() || !client.isConnected()) {
                    // unacknowledged, so the persistent session keeps it and the broker sends it again after reconnecting
                    leftForRedelivery.incrementAndGet();
                    return;
                }
            }
        }

        /** Drops the oldest delivery of an earlier connection: unacknowledged, so the broker still holds it. */
        private boolean discardOneStale() {
            int current = connection.get();
            for (Delivery queued : queue) {
                if (queued.connection() != current && queue.remove(queued)) {
                    staleDiscarded.incrementAndGet();
                    return true;
                }
            }
            return false;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (replaced()) {
                return;
            }
            connection.incrementAndGet(); // from now on, acknowledgements of what is queued would name the wrong packets
            disconnectedSinceNanos = System.nanoTime();
            LOG.warn("Ingest lost the broker; reconnecting");
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("Ingest MQTT error: {}", exception.getMessage());
        }
    }
}
