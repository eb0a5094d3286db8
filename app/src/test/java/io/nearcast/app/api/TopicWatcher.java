package io.nearcast.app.api;

import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** Nearcast's service account on the test broker, collecting every message on some topic filters. */
final class TopicWatcher implements AutoCloseable {

    /** A message seen: its topic and UTF-8 payload. */
    record Seen(String topic, String payload) {
    }

    private final MqttClient client;
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

    TopicWatcher(String... filters) throws Exception {
        TestBroker broker = TestBroker.get();
        client = new MqttClient(broker.url(), "watcher-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(ServiceAccount.USERNAME);
        options.setPassword(broker.serviceAccount().password());
        client.connect(options);
        MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
        IMqttMessageListener[] listeners = new IMqttMessageListener[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subscriptions[i] = new MqttSubscription(filters[i], 1);
            listeners[i] = (topic, message) -> seen.add(new Seen(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
        }
        client.subscribe(subscriptions, listeners);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The first message (so far or within 20 s) that matches; fails the test otherwise. */
    Seen await(Predicate<Seen> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<Seen> match = seen.stream().filter(wanted).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " within 20 s; seen: " + seen);
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}
