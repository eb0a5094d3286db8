package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
    })
    void invalidZoneIs422NamingTheFieldAndPosition(String caseName, String body, String field, String detailStart) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart);
    }

    @Test
    void aZoneOfAnotherStoreIsNotFoundUnderThisStore() throws Exception {
        String other = server.createStore("Other");
        String zone = server.createZone(other);

        assertThat(server.get("/api/v1/stores/" + store + "/zones/" + zone, ApiServer.ADMIN).statusCode()).isEqualTo(404);
    }
}
