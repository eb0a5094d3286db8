package io.nearcast.sim.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few REST calls the benchmark makes, as the administrator; JSON answers are read with a regex. */
final class NearcastApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final String bearer;

    NearcastApi(int httpPort, String adminToken) {
        this.base = URI.create("http://127.0.0.1:" + httpPort);
        this.bearer = "Bearer " + adminToken;
    }

    /** @return the new store's id */
    String createStore(String name) throws IOException, InterruptedException {
        String body = post("/api/v1/stores", "{\"name\":\"" + name + "\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":52.5219,\"lon\":13.4132}}");
        return field(body, "id");
    }

    /**
     * Registers the iBeacon the generated sightings carry ({@link Sightings#ADV}) in the store: the
     * gateway hands on only sightings of registered beacons of the scanner's store.
     */
    void registerBeacon(String storeId) throws IOException, InterruptedException {
        post("/api/v1/stores/" + storeId + "/beacons",
                "{\"kind\":\"ibeacon\",\"uuid\":\"e2c56db5-dffb-48d2-b060-d0f5a71096e0\",\"major\":1,\"minor\":2,\"txPower\":-59}");
    }

    /** Registers a BLE scanner in the store; @return the topic it publishes sightings to */
    String createScanner(String storeId, String name) throws IOException, InterruptedException {
        String body = post("/api/v1/stores/" + storeId + "/devices", "{\"kind\":\"scanner\",\"name\":\"" + name + "\"}");
        return field(body, "topicPrefix") + "sightings";
    }

    PrometheusText metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/metrics")).timeout(TIMEOUT).header("Authorization", bearer).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return PrometheusText.parse(response.body());
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first string field of that name in a JSON text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }
}
