package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stores over HTTP: opening hours in the store's time zone, changes by PATCH, each audited. */
@Timeout(120)
class StoreApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static final String HOURS = "{\"weekly\":{\"MON\":[{\"from\":\"08:00\",\"to\":\"20:00\"}],"
            + "\"SAT\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]},\"closedDates\":[\"2026-12-25\"]}";

    @Test
    void registersAStoreWithOpeningHoursAndReadsThemBack() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/stores", ApiServer.ADMIN,
                "{\"name\":\"Mitte\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":52.52,\"lon\":13.4},\"openingHours\":" + HOURS + "}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"openingHours\":" + HOURS);
        assertThat(server.get("/api/v1/stores/" + ApiServer.field(created.body(), "id"), ApiServer.ADMIN).body()).isEqualTo(created.body());
    }

    @Test
    void staffChangeTheirStoresNameAndHoursAndTheChangeIsAudited() throws Exception {
        String store = server.createStore("Before");
        String staff = server.staffToken(store);

        HttpResponse<String> changed = patch(store, staff, "{\"name\":\"After\",\"openingHours\":" + HOURS + "}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"name\":\"After\"").contains("\"timezone\":\"Europe/Berlin\"").contains("\"closedDates\":[\"2026-12-25\"]");
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body()).contains("store/" + store).contains("name=After, openingHours");

        HttpResponse<String> cleared = patch(store, staff, "{\"openingHours\":{}}");
        assertThat(cleared.body()).doesNotContain("openingHours").contains("\"name\":\"After\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "backwards span | {\"openingHours\":{\"weekly\":{\"TUE\":[{\"from\":\"20:00\",\"to\":\"08:00\"}]}}} | openingHours.weekly.TUE[0].to",
        "bad weekday    | {\"openingHours\":{\"weekly\":{\"Tuesday\":[]}}}                                  | openingHours.weekly",
        "bad date       | {\"openingHours\":{\"closedDates\":[\"25.12.2026\"]}}                           | openingHours.closedDates[0]",
        "bad timezone   | {\"timezone\":\"CET+1\"}                                                       | timezone",
        "blank name     | {\"name\":\" \"}                                                               | name",
        "latitude 91    | {\"location\":{\"lat\":91,\"lon\":0}}                                           | location.lat",
    })
    void namesTheFieldOfABadChange(String label, String body, String field) throws Exception {
        String store = server.createStore("Unchanged");

        HttpResponse<String> response = patch(store, ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo(field);
        assertThat(server.get("/api/v1/stores/" + store, ApiServer.ADMIN).body()).contains("\"name\":\"Unchanged\"");
    }

    private static HttpResponse<String> patch(String store, String token, String body) throws Exception {
        return server.send("PATCH", "/api/v1/stores/" + store, Optional.of(token), Optional.of(body));
    }
}
