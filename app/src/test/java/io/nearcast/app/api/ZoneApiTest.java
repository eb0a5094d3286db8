package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zones over HTTP: GeoJSON in and out unchanged, invalid geometry refused with the field and the position. */
@Timeout(120)
class ZoneApiTest {

    private static final String SQUARE = "[[[13.4050,52.5200],[13.4053,52.5200],[13.4053,52.5202],[13.4050,52.5202],[13.4050,52.5200]]]";

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static String store;

    @BeforeAll
    static void register() throws Exception {
        store = server.createStore("Zoned");
    }

    @Test
    void aPolygonZoneReadsBackAsTheSameGeoJson() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN,
                "{\"name\":\"Wine aisle\",\"floor\":0,\"tags\":[\"wine\",\"aisle-7\"],\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiServer.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/stores/" + store + "/zones/" + id);

        HttpResponse<String> read = server.get("/api/v1/stores/" + store + "/zones/" + id, ApiServer.ADMIN);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.405,52.52],[13.4053,52.52],[13.4053,52.5202],[13.405,52.5202],[13.405,52.52]]]}",
                "\"tags\":[\"wine\",\"aisle-7\"]", "\"floor\":0", "\"name\":\"Wine aisle\"");
    }

    @Test
    void aCircleZoneIsListedWithItsStore() throws Exception {
        String id = server.createZone(store);

        HttpResponse<String> list = server.get("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN);

        assertThat(list.body()).contains(id, "\"circle\":{\"lat\":52.52,\"lon\":13.405,\"radiusMeters\":15.0}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "self-intersection | {\"name\":\"Z\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.4050,52.5200],[13.4053,52.5202],[13.4053,52.5200],[13.4050,52.5202],[13.4050,52.5200]]]}} | geometry | geometry: self-intersection at [13.4051",
        "unclosed ring     | {\"name\":\"Z\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.4050,52.5200],[13.4053,52.5200],[13.4053,52.5202],[13.4050,52.5202]]]}} | geometry.coordinates[0] | geometry.coordinates[0]: ring is not closed",
        "latitude range    | {\"name\":\"Z\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.4,52.5],[13.5,95.0],[13.5,52.6],[13.4,52.5]]]}} | geometry.coordinates[0][1] | geometry.coordinates[0][1]: latitude 95.0 is out of range",
        "point             | {\"name\":\"Z\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[13.4,52.5]}} | geometry.type | geometry.type: 'Point' is not a zone geometry",
        "both shapes       | {\"name\":\"Z\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]},\"circle\":{\"lat\":1,\"lon\":1,\"radiusMeters\":5}} | circle | circle: give exactly one of geometry",
        "no shape          | {\"name\":\"Z\"} | geometry | geometry: give exactly one of geometry",
        "huge radius       | {\"name\":\"Z\",\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":500000}} | circle.radiusMeters | circle.radiusMeters: must be between 1 and 20000 metres",
        "bad tag           | {\"name\":\"Z\",\"tags\":[\"Wine Aisle\"],\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | tags[0] | tags[0]: 'Wine Aisle' is not a tag",
        "floor range       | {\"name\":\"Z\",\"floor\":999,\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | floor | floor: must be between -10 and 200, got 999",
        "dwell zero        | {\"name\":\"Z\",\"dwellSeconds\":0,\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | dwellSeconds | dwellSeconds: must be between 1 and 86400 seconds, got 0",
        "dwell over a day  | {\"name\":\"Z\",\"dwellSeconds\":86401,\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | dwellSeconds | dwellSeconds: must be between 1 and 86400 seconds, got 86401",
        "dwell fraction    | {\"name\":\"Z\",\"dwellSeconds\":1.5,\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | dwellSeconds | dwellSeconds: must be a whole number",
        "dwell text        | {\"name\":\"Z\",\"dwellSeconds\":\"30\",\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":5}} | dwellSeconds | dwellSeconds: must be a whole number",
    })
    void invalidZoneIs422NamingTheFieldAndPosition(String caseName, String body, String field, String detailStart) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart);
    }

    @Test
    void theDwellTimeIsInEveryZoneBody() throws Exception {
        HttpResponse<String> created = server.post(zones(), ApiServer.ADMIN,
                "{\"name\":\"Tasting\",\"dwellSeconds\":45,\"circle\":{\"lat\":52.52,\"lon\":13.405,\"radiusMeters\":6}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiServer.field(created.body(), "id");

        assertThat(created.body()).contains("\"dwellSeconds\":45");
        assertThat(server.get(zones() + "/" + id, ApiServer.ADMIN).body()).contains("\"dwellSeconds\":45");
        assertThat(server.get(zones() + "?size=200", ApiServer.ADMIN).body()).contains("\"dwellSeconds\":45");
        assertThat(server.get(zones() + "/" + server.createZone(store), ApiServer.ADMIN).body()).as("absent: the server's default")
                .doesNotContain("dwellSeconds");
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndNullRemovesOptionalOnes() throws Exception {
        HttpResponse<String> created = server.post(zones(), ApiServer.ADMIN,
                "{\"name\":\"Wine\",\"floor\":1,\"tags\":[\"wine\"],\"dwellSeconds\":30,\"circle\":{\"lat\":52.52,\"lon\":13.405,\"radiusMeters\":6}}");
        String id = ApiServer.field(created.body(), "id");

        HttpResponse<String> renamed = patch(id, ApiServer.ADMIN, "{\"name\":\"Wine & spirits\",\"tags\":[\"wine\",\"spirits\"],\"dwellSeconds\":90}");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"name\":\"Wine & spirits\"", "\"floor\":1", "\"tags\":[\"wine\",\"spirits\"]", "\"dwellSeconds\":90",
                "\"circle\":{\"lat\":52.52,\"lon\":13.405,\"radiusMeters\":6.0}", "\"createdAt\":\"" + ApiServer.field(created.body(), "createdAt"));

        HttpResponse<String> cleared = patch(id, ApiServer.ADMIN, "{\"floor\":null,\"dwellSeconds\":null,\"tags\":null}");

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.body()).contains("\"name\":\"Wine & spirits\"").doesNotContain("\"floor\"").doesNotContain("dwellSeconds")
                .doesNotContain("wine");
        assertThat(server.get(zones() + "/" + id, ApiServer.ADMIN).body()).isEqualTo(cleared.body());
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body())
                .contains("\"action\":\"update\",\"resource\":\"zone/" + id + "\",\"summary\":\"floor removed, tags, dwellSeconds removed\"");
    }

    @Test
    void patchReplacesTheShapeWithAPolygonOrACircle() throws Exception {
        String id = server.createZone(store);

        HttpResponse<String> polygon = patch(id, ApiServer.ADMIN, "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},\"circle\":null}");

        assertThat(polygon.statusCode()).as(polygon.body()).isEqualTo(200);
        assertThat(polygon.body()).contains("\"geometry\":{\"type\":\"Polygon\"").doesNotContain("\"circle\":{");
        HttpResponse<String> circle = patch(id, ApiServer.ADMIN, "{\"circle\":{\"lat\":52.5201,\"lon\":13.4049,\"radiusMeters\":8}}");
        assertThat(circle.body()).contains("\"circle\":{\"lat\":52.5201,\"lon\":13.4049,\"radiusMeters\":8.0}").doesNotContain("Polygon");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "self-intersection | {\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.4050,52.5200],[13.4053,52.5202],[13.4053,52.5200],[13.4050,52.5202],[13.4050,52.5200]]]}} | geometry | geometry: self-intersection at [13.4051",
        "both shapes       | {\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]},\"circle\":{\"lat\":1,\"lon\":1,\"radiusMeters\":5}} | circle | circle: give at most one of geometry",
        "no shape left     | {\"geometry\":null} | geometry | geometry: a zone always has a shape",
        "huge radius       | {\"circle\":{\"lat\":52.5,\"lon\":13.4,\"radiusMeters\":500000}} | circle.radiusMeters | circle.radiusMeters: must be between 1 and 20000 metres",
        "no name left      | {\"name\":null} | name | name: is required",
        "bad tag           | {\"tags\":[\"Wine Aisle\"]} | tags[0] | tags[0]: 'Wine Aisle' is not a tag",
        "floor range       | {\"floor\":999} | floor | floor: must be between -10 and 200, got 999",
        "dwell range       | {\"dwellSeconds\":86401} | dwellSeconds | dwellSeconds: must be between 1 and 86400 seconds, got 86401",
        "dwell text        | {\"dwellSeconds\":\"a minute\"} | dwellSeconds | dwellSeconds: must be a whole number",
    })
    void invalidPatchIs422NamingTheFieldAndChangesNothing(String caseName, String body, String field, String detailStart) throws Exception {
        String id = server.createZone(store);
        String before = server.get(zones() + "/" + id, ApiServer.ADMIN).body();

        HttpResponse<String> response = patch(id, ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart);
        assertThat(server.get(zones() + "/" + id, ApiServer.ADMIN).body()).isEqualTo(before);
    }

    @Test
    void aPatchThatIsNotAJsonObjectIs400() throws Exception {
        String id = server.createZone(store);

        for (String body : new String[] {"[]", "\"rename\"", "{\"name\":"}) {
            HttpResponse<String> response = patch(id, ApiServer.ADMIN, body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void staffCannotPatchAnotherStoresZone() throws Exception {
        String other = server.createStore("Not theirs");
        String foreignZone = server.createZone(other);
        String staff = server.staffToken(store);
        String before = server.get("/api/v1/stores/" + other + "/zones/" + foreignZone, ApiServer.ADMIN).body();

        HttpResponse<String> viaOtherStore = server.send("PATCH", "/api/v1/stores/" + other + "/zones/" + foreignZone, Optional.of(staff),
                Optional.of("{\"name\":\"Taken over\"}"));
        HttpResponse<String> viaOwnStore = patch(foreignZone, staff, "{\"name\":\"Taken over\"}");

        assertThat(viaOtherStore.statusCode()).isEqualTo(404);
        assertThat(viaOwnStore.statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/stores/" + other + "/zones/" + foreignZone, ApiServer.ADMIN).body()).isEqualTo(before);
        assertThat(patch(server.createZone(store), staff, "{\"name\":\"Ours\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aZoneOfAnotherStoreIsNotFoundUnderThisStore() throws Exception {
        String other = server.createStore("Other");
        String zone = server.createZone(other);

        assertThat(server.get("/api/v1/stores/" + store + "/zones/" + zone, ApiServer.ADMIN).statusCode()).isEqualTo(404);
        assertThat(patch(zone, ApiServer.ADMIN, "{\"name\":\"Moved\"}").statusCode()).isEqualTo(404);
    }

    private static String zones() {
        return "/api/v1/stores/" + store + "/zones";
    }

    private static HttpResponse<String> patch(String zoneId, String token, String body) throws Exception {
        return server.send("PATCH", zones() + "/" + zoneId, Optional.of(token), Optional.of(body));
    }
}
