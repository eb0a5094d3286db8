package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting registry resources: 204 once, 404 after, 409 while something still refers to them; each deletion audited. */
@Timeout(120)
class DeletionApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @Test
    void aZoneWithABeaconIsKeptUntilTheBeaconIsGone() throws Exception {
        String store = server.createStore("Zones");
        String zone = server.createZone(store);
        HttpResponse<String> beacon = server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN,
                ApiServer.uniqueIBeacon().replace("}", ",\"zoneId\":\"" + zone + "\"}"));
        assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(201);
        String zonePath = "/api/v1/stores/" + store + "/zones/" + zone;
        String beaconPath = "/api/v1/stores/" + store + "/beacons/" + ApiServer.field(beacon.body(), "id");

        HttpResponse<String> refused = delete(zonePath);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("beacons are still placed in it");

        assertThat(delete(beaconPath).statusCode()).isEqualTo(204);
        assertThat(delete(zonePath).statusCode()).isEqualTo(204);
        assertThat(delete(zonePath).statusCode()).isEqualTo(404);
        assertThat(server.get(zonePath, ApiServer.ADMIN).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body()).contains("\"action\":\"delete\",\"resource\":\"zone/" + zone);
    }

    @Test
    void aZoneWithADevicePlacedInItIsKeptUntilTheDeviceMoves() throws Exception {
        String store = server.createStore("Placed devices");
        String zone = server.createZone(store);
        HttpResponse<String> device = server.post("/api/v1/stores/" + store + "/devices", ApiServer.ADMIN,
                "{\"kind\":\"scanner\",\"name\":\"Wine aisle\",\"zoneId\":\"" + zone + "\"}");
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        String zonePath = "/api/v1/stores/" + store + "/zones/" + zone;
        String devicePath = "/api/v1/stores/" + store + "/devices/" + ApiServer.field(device.body(), "id");

        HttpResponse<String> refused = delete(zonePath);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("devices are still placed in it").doesNotContain("beacons");

        HttpResponse<String> moved = server.send("PATCH", devicePath, Optional.of(ApiServer.ADMIN), Optional.of("{\"zoneId\":null}"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(delete(zonePath).statusCode()).isEqualTo(204);
        assertThat(server.get(devicePath, ApiServer.ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aZoneWithBothNamesBoth() throws Exception {
        String store = server.createStore("Both");
        String zone = server.createZone(store);
        assertThat(server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN,
                ApiServer.uniqueIBeacon().replace("}", ",\"zoneId\":\"" + zone + "\"}")).statusCode()).isEqualTo(201);
        assertThat(server.post("/api/v1/stores/" + store + "/devices", ApiServer.ADMIN,
                "{\"kind\":\"kiosk\",\"name\":\"Kiosk\",\"zoneId\":\"" + zone + "\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> refused = delete("/api/v1/stores/" + store + "/zones/" + zone);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("beacons and devices are still placed in it");
    }

    @Test
    void aTagBatchIsKeptWhileATagTakesItsKeysFromIt() throws Exception {
        String store = server.createStore("Tags");
        String batch = server.createTagBatch(store);
        HttpResponse<String> tag = server.post("/api/v1/tags", ApiServer.ADMIN,
                "{\"uid\":\"" + TagApiTest.uid() + "\",\"storeId\":\"" + store + "\",\"batchId\":\"" + batch + "\"}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);

        assertThat(delete("/api/v1/tag-batches/" + batch).statusCode()).isEqualTo(409);
        assertThat(delete("/api/v1/tags/" + ApiServer.field(tag.body(), "id")).statusCode()).isEqualTo(204);
        assertThat(delete("/api/v1/tag-batches/" + batch).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/tag-batches/" + batch, ApiServer.ADMIN).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> delete(String path) throws Exception {
        return server.send("DELETE", path, Optional.of(ApiServer.ADMIN), Optional.empty());
    }
}
