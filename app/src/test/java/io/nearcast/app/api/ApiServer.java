package io.nearcast.app.api;

import io.micronaut.context.ApplicationContext;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.app.runtime.ReadyLine;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server in this JVM on free ports, with a known admin token and its own temporary data
 * directory, for API tests. A JUnit extension: register it on a static field
 * ({@code @RegisterExtension static final ApiServer server = new ApiServer();}) and it starts
 * before the class's {@code @BeforeAll} methods and stops after all its tests.
 */
final class ApiServer implements BeforeAllCallback, AfterAllCallback {

    static final String ADMIN = "test-admin-token-0123456789abcdef";

    private final java.util.function.Supplier<Map<String, Object>> extraProperties;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private ApplicationContext context;
    private NearcastRuntime runtime;
    private int port;
    private ReadyLine ready;

    ApiServer() {
        this(Map.of());
    }

    /** @param extraProperties configuration on top of the defaults, e.g. a smaller request size limit */
    ApiServer(Map<String, Object> extraProperties) {
        this(() -> extraProperties);
    }

    /** @param extraProperties asked for when the server starts (e.g. after a database schema was created) */
    ApiServer(java.util.function.Supplier<Map<String, Object>> extraProperties) {
        this.extraProperties = extraProperties;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        dataDir = Files.createTempDirectory("nearcast-api-");
        TestBroker broker = TestBroker.get();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "nearcast.http-port", "0",
                "nearcast.coap-port", "0",
                "nearcast.data-dir", dataDir.toString(),
                "nearcast.admin-token", ADMIN,
                "nearcast.mqtt-url", broker.url(),
                "nearcast.mqtt-username", ServiceAccount.USERNAME,
                "nearcast.mqtt-password", new String(broker.serviceAccount().password(), StandardCharsets.US_ASCII)));
        properties.putAll(extraProperties.get());
        context = ApplicationContext.builder().properties(properties).start();
        runtime = context.getBean(NearcastRuntime.class);
        ready = runtime.start();
        port = ready.http();
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        if (runtime != null) {
            runtime.stop();
        }
        if (context != null) {
            context.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    ApplicationContext context() {
        return context;
    }

    NearcastRuntime runtime() {
        return runtime;
    }

    /** The ports the server reported. */
    ReadyLine ready() {
        return ready;
    }

    HttpResponse<String> send(String method, String path, Optional<String> token, Optional<String> json) throws IOException, InterruptedException {
        return send(method, path, token, json, "application/json");
    }

    HttpResponse<String> send(String method, String path, Optional<String> token, Optional<String> body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body.map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody()));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        body.ifPresent(b -> builder.header("Content-Type", contentType));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        SensitiveValues.record(path, body.orElse(null), response.body());
        return response;
    }

    HttpResponse<String> postCsv(String path, String token, String csv) throws IOException, InterruptedException {
        return send("POST", path, Optional.of(token), Optional.of(csv), "text/csv");
    }

    /** A JSON body for an iBeacon that no other call of this JVM uses. */
    static String uniqueIBeacon() {
        return "{\"kind\":\"ibeacon\",\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"major\":1,\"minor\":2,\"txPower\":-59}";
    }

    /** A CSV body with one iBeacon no other call of this JVM uses. */
    static String uniqueIBeaconCsv() {
        return "kind,uuid,major,minor\nibeacon," + java.util.UUID.randomUUID() + ",1,2\n";
    }

    /** A beacon in the store, created by the admin; returns its id. */
    String createBeacon(String storeId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/stores/" + storeId + "/beacons", ADMIN, uniqueIBeacon());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("beacon not created: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    /** Publishes at QoS 1 on the test broker as a scanner of the store, with an account of its own there. */
    static void publishAsScanner(String storeId, String deviceId, String payload) throws org.eclipse.paho.mqttv5.common.MqttException {
        TestBroker broker = TestBroker.get();
        String user = "scanner-" + java.util.UUID.randomUUID();
        broker.addAccount(user, "pw", new io.nearcast.broker.domain.MqttPrincipal(user, io.nearcast.broker.domain.MqttPrincipal.Role.DEVICE,
                java.util.List.of("nearcast/v1/stores/" + storeId + "/devices/" + deviceId + "/#"), java.util.List.of()));
        org.eclipse.paho.mqttv5.client.MqttClient client = new org.eclipse.paho.mqttv5.client.MqttClient(broker.url(), user,
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("nearcast/v1/stores/" + storeId + "/devices/" + deviceId + "/sightings", message);
        client.disconnect();
        client.close();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, Optional.of(token), Optional.empty());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, Optional.of(token), Optional.of(json));
    }

    /** A store registered by the admin; returns its id. */
    String createStore(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/stores", ADMIN,
                "{\"name\":\"" + name + "\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":52.52,\"lon\":13.40}}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("store not created: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    static final String CIRCLE_ZONE = "{\"name\":\"Entrance\",\"circle\":{\"lat\":52.52,\"lon\":13.405,\"radiusMeters\":15}}";

    static final String CIRCLE_COLLECTION = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[13.405,52.52]},\"properties\":{\"name\":\"Till\",\"radiusMeters\":5}}]}";

    /** A circular zone in the store, created by the admin; returns its id. */
    String createZone(String storeId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/stores/" + storeId + "/zones", ADMIN, CIRCLE_ZONE);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("zone not created: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    static final String SCANNER = "{\"kind\":\"scanner\",\"name\":\"Entrance scanner\"}";

    /** A scanner in the store, created by the admin; returns its id. */
    String createDevice(String storeId) throws IOException, InterruptedException {
        return created("device", post("/api/v1/stores/" + storeId + "/devices", ADMIN, SCANNER));
    }

    /** A tag with its own SDM keys and a UID no other call of this JVM uses. */
    static String uniqueTag(String storeId) {
        return "{\"uid\":\"" + TagApiTest.uid() + "\",\"storeId\":\"" + storeId + "\",\"sdm\":{\"metaReadKey\":\"" + TagApiTest.key()
                + "\",\"fileReadKey\":\"" + TagApiTest.key() + "\"}}";
    }

    /** A tag key batch of the store with random keys. */
    static String tagBatch(String storeId) {
        return "{\"name\":\"Spring labels\",\"storeId\":\"" + storeId + "\",\"sdm\":{\"metaReadKey\":\"" + TagApiTest.key()
                + "\",\"fileReadMasterKey\":\"" + TagApiTest.key() + "\"}}";
    }

    String createTag(String storeId) throws IOException, InterruptedException {
        return created("tag", post("/api/v1/tags", ADMIN, uniqueTag(storeId)));
    }

    String createTagBatch(String storeId) throws IOException, InterruptedException {
        return created("tag batch", post("/api/v1/tag-batches", ADMIN, tagBatch(storeId)));
    }

    private static String created(String what, HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(what + " not created: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    /** A new shopper, registered without credentials; returns {id, token}. */
    String[] registerShopper() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/shoppers", Optional.empty(), Optional.empty());
        created("shopper", response);
        return new String[] {field(response.body(), "id"), field(response.body(), "token")};
    }

    /** A staff token scoped to one store; returns its secret. */
    String staffToken(String storeId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/tokens", ADMIN, "{\"role\":\"staff\",\"storeIds\":[\"" + storeId + "\"]}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token not issued: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "token");
    }

    /** A top-level string field of a JSON object (enough for ids and tokens in tests). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no field " + name + " in " + json);
        }
        return m.group(1);
    }


}
