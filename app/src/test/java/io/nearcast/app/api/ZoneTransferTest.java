package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GeoJSON FeatureCollection import (all or nothing, every bad feature named) and export. */
@Timeout(120)
class ZoneTransferTest {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[13.4050,52.5200],[13.4053,52.5200],[13.4053,52.5202],[13.4050,52.5202],[13.4050,52.5200]]]}";
    private static final String BOWTIE = "{\"type\":\"Polygon\",\"coordinates\":[[[13.4050,52.5200],[13.4053,52.5202],[13.4053,52.5200],[13.4050,52.5202],[13.4050,52.5200]]]}";

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void importsPolygonsAndCirclesAndExportsThemAsGeoJson() throws Exception {
        String store = server.createStore("Import");
        String body = collection(
                feature(SQUARE, "{\"name\":\"Wine\",\"floor\":0,\"tags\":[\"wine\"]}"),
                feature("{\"type\":\"Point\",\"coordinates\":[13.4049,52.5201]}", "{\"name\":\"Entrance\",\"radiusMeters\":8}"));

        HttpResponse<String> imported = server.post("/api/v1/stores/" + store + "/zones:import", ApiServer.ADMIN, body);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"imported\":2", "\"name\":\"Wine\"", "\"name\":\"Entrance\"");

        HttpResponse<String> exported = server.get("/api/v1/stores/" + store + "/zones:export", ApiServer.ADMIN);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/geo+json"));
        assertThat(exported.body()).contains("\"type\":\"FeatureCollection\"", "\"type\":\"Polygon\"",
                "\"type\":\"Point\",\"coordinates\":[13.4049,52.5201]", "\"radiusMeters\":8.0", "\"name\":\"Wine\"");
    }

    @Test
    void importsNothingWhenAnyFeatureIsBadAndNamesEachBadOne() throws Exception {
        String store = server.createStore("All or nothing");
        String body = collection(
                feature(SQUARE, "{\"name\":\"Good\"}"),
                feature(BOWTIE, "{\"name\":\"Crossed\"}"),
                feature(SQUARE, "{\"tags\":[\"ok\"]}"));

        HttpResponse<String> response = server.post("/api/v1/stores/" + store + "/zones:import", ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("2 of 3 features are invalid; nothing was imported",
                "{\"field\":\"features[1].geometry\",\"detail\":\"features[1].geometry: self-intersection at [13.4051",
                "{\"field\":\"features[2].properties.name\",\"detail\":\"features[2].properties.name: is required\"}");
        assertThat(server.get("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN).body()).contains("\"total\":0");
    }

    @Test
    void importsAndExportsTheDwellTime() throws Exception {
        String store = server.createStore("Dwell");
        String body = collection(
                feature(SQUARE, "{\"name\":\"Tasting\",\"dwellSeconds\":45}"),
                feature(SQUARE, "{\"name\":\"Default\"}"));

        HttpResponse<String> imported = server.post("/api/v1/stores/" + store + "/zones:import", ApiServer.ADMIN, body);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String tasting = imported.body().replaceAll(".*\"id\":\"([^\"]+)\",\"name\":\"Tasting\".*", "$1");
        assertThat(server.get("/api/v1/stores/" + store + "/zones/" + tasting, ApiServer.ADMIN).body()).contains("\"dwellSeconds\":45");
        String exported = server.get("/api/v1/stores/" + store + "/zones:export", ApiServer.ADMIN).body();
        assertThat(exported).contains("\"dwellSeconds\":45").containsOnlyOnce("dwellSeconds");
    }

    @Test
    void namesTheFeatureOfABadDwellTime() throws Exception {
        String store = server.createStore("Bad dwell");
        String body = collection(
                feature(SQUARE, "{\"name\":\"ok\",\"dwellSeconds\":45}"),
                feature(SQUARE, "{\"name\":\"zero\",\"dwellSeconds\":0}"),
                feature(SQUARE, "{\"name\":\"text\",\"dwellSeconds\":\"45\"}"));

        HttpResponse<String> response = server.post("/api/v1/stores/" + store + "/zones:import", ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("2 of 3 features are invalid",
                "{\"field\":\"features[1].properties.dwellSeconds\",\"detail\":\"features[1].properties.dwellSeconds: must be between 1 and 86400 seconds, got 0\"}",
                "{\"field\":\"features[2].properties.dwellSeconds\",\"detail\":\"features[2].properties.dwellSeconds: must be a whole number\"}");
        assertThat(server.get("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN).body()).contains("\"total\":0");
    }

    @Test
    void refusesSomethingThatIsNotAFeatureCollection() throws Exception {
        String store = server.createStore("Not GeoJSON");

        HttpResponse<String> response = server.post("/api/v1/stores/" + store + "/zones:import", ApiServer.ADMIN, SQUARE);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"type\"", "must be a GeoJSON FeatureCollection");
    }
}
