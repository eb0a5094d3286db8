package io.nearcast.broker.hivemq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.broker.domain.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EmbeddedBrokerTest {

    private static final String DEVICE_PREFIX = "nearcast/v1/stores/s1/devices/dev-1/";
    private static TestBroker broker;
    private final List<MqttClient> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.get();
        broker.addAccount("watcher", "watcher-secret", new MqttPrincipal("watcher", MqttPrincipal.Role.SERVICE, List.of(), List.of("#")));
        broker.addAccount("dev-1", "dev-1-secret", new MqttPrincipal("dev-1", MqttPrincipal.Role.DEVICE,
                List.of(DEVICE_PREFIX + "#"), List.of("nearcast/v1/devices/dev-1/rejects")));
    }

    @AfterEach
    void disconnect() throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @Test
    void reportsTheBoundPortWhenAskedForAnyFreePort() {
        assertThat(broker.broker().port()).isPositive();
        assertThat(broker.broker().check().isUp()).isTrue();
    }

    @Test
    void refusesClientsWithoutCredentials() {
        assertThatThrownBy(() -> connect(null, null))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(0x86));
    }

    @Test
    void refusesTheServiceAccountWithAGuessedPassword() {
        assertThatThrownBy(() -> connect(ServiceAccount.USERNAME, "guess")).isInstanceOf(MqttException.class);
    }

    @Test
    void deliversWhatTheServiceAccountPublishes() throws Exception {
        BlockingQueue<String> received = subscribeAsWatcher("nearcast/v1/events/zones");
        MqttClient service = connect(ServiceAccount.USERNAME, new String(broker.serviceAccount().password(), StandardCharsets.US_ASCII));

        service.publish("nearcast/v1/events/zones", message("{\"type\":\"enter\"}"));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"enter\"}");
    }

    @Test
    void deviceMayPublishBelowItsOwnPrefixOnly() throws Exception {
        BlockingQueue<String> received = subscribeAsWatcher("nearcast/v1/stores/#");
        MqttClient device = connect("dev-1", "dev-1-secret");
        device.publish(DEVICE_PREFIX + "sightings", message("own"));
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("own");
        long refusedBefore = broker.broker().counters().refusedPublishes();

        try {
            device.publish("nearcast/v1/stores/s1/devices/dev-2/sightings", message("forged"));
        } catch (MqttException refused) {
            // HiveMQ answers a refused QoS 1 publish by disconnecting with reason 0x87 (not authorised)
        }

        awaitTrue(() -> broker.broker().counters().refusedPublishes() == refusedBefore + 1);
        awaitTrue(() -> !device.isConnected());
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void deviceCannotSubscribeToOtherDevicesRejects() throws Exception {
        MqttClient device = connect("dev-1", "dev-1-secret");

        IMqttToken own = device.subscribe(new MqttSubscription[] {new MqttSubscription("nearcast/v1/devices/dev-1/rejects", 1)}, null);
        IMqttToken all = device.subscribe(new MqttSubscription[] {new MqttSubscription("nearcast/v1/devices/+/rejects", 1)}, null);

        assertThat(own.getReasonCodes()).containsExactly(1);
        assertThat(all.getReasonCodes()).containsExactly(0x87);
    }

    @Test
    void endingAPrincipalsSessionsDisconnectsItsClientsAndNoOtherOnes() throws Exception {
        MqttClient first = connect("dev-1", "dev-1-secret");
        MqttClient second = connect("dev-1", "dev-1-secret");
        MqttClient watcher = connect("watcher", "watcher-secret");

        int ended = broker.broker().endSessions("dev-1");

        assertThat(ended).isGreaterThanOrEqualTo(2);
        awaitTrue(() -> !first.isConnected() && !second.isConnected());
        assertThat(watcher.isConnected()).isTrue();
        assertThat(broker.broker().endSessions("dev-1")).as("disconnected clients are forgotten").isZero();
    }

    @Test
    void aTakenOverClientIdStaysTrackedForTheNewConnection() throws Exception {
        String clientId = "takeover-" + UUID.randomUUID();
        MqttClient old = connect("dev-1", "dev-1-secret", clientId);
        MqttClient taker = connect("dev-1", "dev-1-secret", clientId);
        awaitTrue(() -> !old.isConnected());

        broker.broker().endSessions("dev-1");

        awaitTrue(() -> !taker.isConnected());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private BlockingQueue<String> subscribeAsWatcher(String filter) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient watcher = connect("watcher", "watcher-secret");
        watcher.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8))
                });
        return received;
    }

    private MqttClient connect(String username, String password) throws MqttException {
        return connect(username, password, "test-" + UUID.randomUUID());
    }

    private MqttClient connect(String username, String password, String clientId) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(5);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options);
        return client;
    }

    private static MqttMessage message(String text) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }
}
