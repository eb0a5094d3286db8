package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * What a device registered through the REST API may do on a broker, checked against a running
 * server: publish below its own prefix only, subscribe to its own rejects only; wrong, disabled and
 * rotated-away credentials are refused and open sessions end. Used for the embedded broker and
 * for Mosquitto with the dynamic-security plugin.
 */
final class DeviceAccessCheck {

    static final String ADMIN = "it-admin-token-0123456789abcdefghij";
    private static final int NOT_AUTHORIZED = 0x87;
    private static final long TIMEOUT_MS = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int httpPort;
    private final String brokerUri;

    /** A device as the creation response describes it. */
    record Credentials(String storeId, String id, String username, String password, String topicPrefix, String pskIdentity, String pskKey) {
    }

    DeviceAccessCheck(int httpPort, String brokerUri) {
        this.httpPort = httpPort;
        this.brokerUri = brokerUri;
    }

    Credentials createScanner() throws IOException, InterruptedException {
        HttpResponse<String> store = send("POST", "/api/v1/stores",
                "{\"name\":\"IT store\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":52.52,\"lon\":13.40}}");
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        String storeId = field(store.body(), "id");
        HttpResponse<String> device = send("POST", "/api/v1/stores/" + storeId + "/devices", "{\"kind\":\"scanner\",\"name\":\"Entrance\"}");
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        return credentials(storeId, device.body());
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + ADMIN);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishing its own sightings works (PUBACK success); another device's topic is refused. */
    void publishesOnlyBelowItsOwnPrefix(Credentials device, Optional<BlockingQueue<String>> observer) throws Exception {
        String own = device.topicPrefix() + "sightings";
        String foreign = "nearcast/v1/stores/" + device.storeId() + "/devices/" + UUID.randomUUID() + "/sightings";
        try (Client client = connect(device.username(), device.password())) {
            assertThat(client.publish(own, "own-" + device.id())).isLessThan(0x80);
            int refused = client.publish(foreign, "forged-" + device.id());
            assertThat(refused == NOT_AUTHORIZED || refused == Client.DISCONNECTED).as("reason code %x", refused).isTrue();
        }
        if (observer.isPresent()) {
            try (Client fence = connect(device.username(), device.password())) {
                fence.publish(own, "fence-" + device.id());
            }
            assertThat(awaitMessage(observer.get(), "fence-" + device.id())).as("observer sees the device's own messages")
                    .contains("own-" + device.id()).doesNotContain("forged-" + device.id());
        }
    }

    void subscribesOnlyToItsOwnRejects(Credentials device) throws Exception {
        try (Client client = connect(device.username(), device.password())) {
            assertThat(client.subscribe("nearcast/v1/devices/" + device.id() + "/rejects")).isLessThan(0x80);
            assertThat(client.subscribe("nearcast/v1/devices/+/rejects")).isEqualTo(NOT_AUTHORIZED);
        }
        try (Client client = connect(device.username(), device.password())) {
            assertThat(client.subscribe("nearcast/v1/#")).isEqualTo(NOT_AUTHORIZED);
        }
    }

    /** The running server's ingest answers a message it cannot read with a reject on the device's topic. */
    void getsARejectForGarbage(Credentials device) throws Exception {
        BlockingQueue<String> rejects = new LinkedBlockingQueue<>();
        try (Client client = connect(device.username(), device.password())) {
            client.collect("nearcast/v1/devices/" + device.id() + "/rejects", rejects);
            assertThat(client.publish(device.topicPrefix() + "sightings", "not json")).isLessThan(0x80);
            String reject = rejects.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(reject).as("reject from the server's ingest").isNotNull().contains("\"reason\":\"payload-not-json\"");
        }
    }

    void refusesWrongAndUnknownCredentials(Credentials device) {
        assertThatThrownBy(() -> connect(device.username(), device.password() + "x")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(UUID.randomUUID().toString(), device.password())).isInstanceOf(MqttException.class);
    }

    /** Disabling ends the open session and refuses new ones until enabled again. */
    void disablingEndsSessionsAndRefuses(Credentials device) throws Exception {
        String path = "/api/v1/stores/" + device.storeId() + "/devices/" + device.id();
        try (Client connected = connect(device.username(), device.password())) {
            HttpResponse<String> disabled = send("PATCH", path, "{\"enabled\":false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            awaitTrue(() -> !connected.isConnected());
        }
        assertThatThrownBy(() -> connect(device.username(), device.password())).isInstanceOf(MqttException.class);

        assertThat(send("PATCH", path, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        connect(device.username(), device.password()).close();
    }

    /** Rotation: the old password stops working, the new one works; returns the new credentials. */
    Credentials rotationRetiresTheOldPassword(Credentials device) throws Exception {
        HttpResponse<String> rotated;
        try (Client connected = connect(device.username(), device.password())) {
            rotated = send("POST", "/api/v1/stores/" + device.storeId() + "/devices/" + device.id() + "/credentials:rotate", null);
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            awaitTrue(() -> !connected.isConnected());
        }
        Credentials fresh = credentials(device.storeId(), rotated.body());
        assertThat(fresh.password()).isNotEqualTo(device.password());
        assertThatThrownBy(() -> connect(device.username(), device.password())).isInstanceOf(MqttException.class);
        connect(fresh.username(), fresh.password()).close();
        return fresh;
    }

    /** A subscriber that collects every payload it receives. */
    static BlockingQueue<String> observe(String brokerUri, String username, String password, String filter) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        org.eclipse.paho.mqttv5.client.MqttClient client =
                new org.eclipse.paho.mqttv5.client.MqttClient(brokerUri, "it-observer-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8))
                });
        return received;
    }

    /** Everything received up to and including {@code last}, joined by newlines. */
    private static String awaitMessage(BlockingQueue<String> received, String last) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            String next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                seen.append(next).append('\n');
                if (next.equals(last)) {
                    return seen.toString();
                }
            }
        }
        throw new AssertionError("observer did not receive " + last + "; got: " + seen);
    }

    private static Credentials credentials(String storeId, String json) {
        return new Credentials(storeId, field(json, "id"), field(json, "username"), field(json, "password"), field(json, "topicPrefix"),
                field(json, "pskIdentity"), field(json, "pskKey"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no field " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %d ms", TIMEOUT_MS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Client connect(String username, String password) throws MqttException {
        return Client.connect(brokerUri, username, password);
    }

    /** A device's MQTT 5 client with blocking calls that return reason codes. */
    static final class Client implements AutoCloseable {
        /** Stands for "the broker closed the connection instead of answering" (HiveMQ does this for a refused QoS 1 publish). */
        static final int DISCONNECTED = -1;

        private final MqttAsyncClient client;

        private Client(MqttAsyncClient client) {
            this.client = client;
        }

        static Client connect(String uri, String username, String password) throws MqttException {
            MqttAsyncClient client = new MqttAsyncClient(uri, "it-device-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
            options.setConnectionTimeout(5);
            try {
                client.connect(options).waitForCompletion(TIMEOUT_MS);
            } catch (MqttException e) {
                client.close(true);
                throw e;
            }
            return new Client(client);
        }

        boolean isConnected() {
            return client.isConnected();
        }

        int publish(String topic, String payload) {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            try {
                IMqttToken token = client.publish(topic, message);
                token.waitForCompletion(TIMEOUT_MS);
                int[] codes = token.getReasonCodes();
                return codes == null || codes.length == 0 ? 0 : codes[0];
            } catch (MqttException e) {
                return e.getReasonCode() == NOT_AUTHORIZED ? NOT_AUTHORIZED : DISCONNECTED;
            }
        }

        /** Subscribes and puts every payload received into {@code into}. */
        void collect(String filter, BlockingQueue<String> into) throws MqttException {
            client.setCallback(new io.nearcast.kernel.mqtt.MqttCallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    into.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            });
            subscribe(filter);
        }

        int subscribe(String filter) throws MqttException {
            IMqttToken token = client.subscribe(filter, 1);
            token.waitForCompletion(TIMEOUT_MS);
            return token.getReasonCodes()[0];
        }

        /** Disconnects if still connected; a connection the broker already closed is just released. */
        @Override
        public void close() throws MqttException {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(2_000);
                }
            } catch (MqttException alreadyGone) {
                // the broker closed it first (refused publish, revoked credentials)
            }
            client.close(true);
        }
    }
}
