package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/v1/geofence/match} and {@code GET …/zone-stats} over HTTP: the zone index is
 * rebuilt from the registry after a zone is created, boundaries count as inside, accuracy circles
 * say whether they lie within, staff see only their stores, bad input is a 422 naming the field.
 */
@Timeout(60)
class GeofenceApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    /** A 100 m × 100 m square south-west corner at lon 13.40, lat 52.50 (0.00147° × 0.0009°). */
    private static final String SQUARE = "{\"name\":\"Car park\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[13.40,52.50],[13.40147,52.50],[13.40147,52.5009],[13.40,52.5009],[13.40,52.50]]]}}";

    private static String store;
    private static String zone;
    private static String otherStore;

    @BeforeAll
    static void aStoreWithASquareZone() throws Exception {
        store = server.createStore("Match");
        otherStore = server.createStore("Other match");
        zone = ApiServer.field(server.post("/api/v1/stores/" + store + "/zones", ApiServer.ADMIN, SQUARE).body(), "id");
        server.post("/api/v1/stores/" + otherStore + "/zones", ApiServer.ADMIN, SQUARE.replace("Car park", "Neighbour's car park"));
        awaitMatch("{\"lat\":52.5004,\"lon\":13.4007}", zone);
    }

    @Test
    void aPositionInsideOrOnTheBoundaryMatchesAndOneOutsideDoesNot() throws Exception {
        assertThat(match(ApiServer.ADMIN, "{\"lat\":52.5004,\"lon\":13.4007,\"storeId\":\"" + store + "\"}").body())
                .isEqualTo("{\"zones\":[{\"id\":\"" + zone + "\",\"storeId\":\"" + store + "\",\"within\":true}]}");
        assertThat(match(ApiServer.ADMIN, "{\"lat\":52.50,\"lon\":13.4007,\"storeId\":\"" + store + "\"}").body()).contains(zone);
        assertThat(match(ApiServer.ADMIN, "{\"lat\":52.4999,\"lon\":13.4007,\"storeId\":\"" + store + "\"}").body()).isEqualTo("{\"zones\":[]}");
    }

    @Test
    void anAccuracyCircleSaysWhetherItLiesWithinTheZone() throws Exception {
        String centre = match(ApiServer.ADMIN, "{\"lat\":52.50045,\"lon\":13.400735,\"accuracyMeters\":20,\"storeId\":\"" + store + "\"}").body();
        String nearEdge = match(ApiServer.ADMIN, "{\"lat\":52.50005,\"lon\":13.400735,\"accuracyMeters\":20,\"storeId\":\"" + store + "\"}").body();
        String outside = match(ApiServer.ADMIN, "{\"lat\":52.49985,\"lon\":13.400735,\"accuracyMeters\":20,\"storeId\":\"" + store + "\"}").body();
        String farOutside = match(ApiServer.ADMIN, "{\"lat\":52.4995,\"lon\":13.400735,\"accuracyMeters\":20,\"storeId\":\"" + store + "\"}").body();

        assertThat(centre).contains("\"within\":true");
        assertThat(nearEdge).contains(zone).contains("\"within\":false"); // 5.6 m inside, radius 20
        assertThat(outside).contains(zone).contains("\"within\":false"); // 16.7 m outside, radius 20
        assertThat(farOutside).isEqualTo("{\"zones\":[]}"); // 55.6 m outside
    }

    @Test
    void withoutAStoreEveryStoresZonesAnswerButStaffSeeOnlyTheirs() throws Exception {
        String staff = server.staffToken(store);
        String[] shopper = server.registerShopper();
        String position = "{\"lat\":52.5004,\"lon\":13.4007}";

        assertThat(match(ApiServer.ADMIN, position).body()).contains(store).contains(otherStore);
        assertThat(match(shopper[1], position).body()).contains(store).contains(otherStore);
        assertThat(match(staff, position).body()).contains(store).doesNotContain(otherStore);
        assertThat(match(staff, "{\"lat\":52.5004,\"lon\":13.4007,\"storeId\":\"" + otherStore + "\"}").statusCode()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/geofence/match", Optional.empty(), Optional.of(position)).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no lat             | {\"lon\":13.4}                                      | lat",
        "lat out of range   | {\"lat\":91,\"lon\":13.4}                           | lat",
        "lon out of range   | {\"lat\":52,\"lon\":-181}                           | lon",
        "zero accuracy      | {\"lat\":52,\"lon\":13.4,\"accuracyMeters\":0}      | accuracyMeters",
        "huge accuracy      | {\"lat\":52,\"lon\":13.4,\"accuracyMeters\":20000}  | accuracyMeters",
        "floor, no store    | {\"lat\":52,\"lon\":13.4,\"floor\":1}               | floor",
    })
    void namesTheFieldOfABadMatch(String label, String body, String field) throws Exception {
        HttpResponse<String> response = match(ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo(field);
    }

    @Test
    void zoneStatisticsAreScopedAndCheckTheirRange() throws Exception {
        String staff = server.staffToken(store);
        String stats = "/api/v1/stores/" + store + "/zone-stats";

        assertThat(server.get(stats, staff).statusCode()).isEqualTo(200);
        assertThat(server.get(stats, staff).body()).isEqualTo("{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        assertThat(server.get("/api/v1/stores/" + otherStore + "/zone-stats", staff).statusCode()).isEqualTo(404);
        assertThat(field(server.get(stats + "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", staff))).isEqualTo("from");
        assertThat(field(server.get(stats + "?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", staff))).isEqualTo("to");
        assertThat(field(server.get(stats + "?from=yesterday", staff))).isEqualTo("from");
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return ApiServer.field(response.body(), "field");
    }

    private static HttpResponse<String> match(String token, String body) throws Exception {
        return server.post("/api/v1/geofence/match", token, body);
    }

    /** The index is rebuilt shortly after a zone change: wait until a match shows the zone. */
    private static void awaitMatch(String body, String zoneId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!match(ApiServer.ADMIN, body).body().contains(zoneId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("zone " + zoneId + " never reached the index");
            }
            Thread.sleep(50);
        }
    }
}
