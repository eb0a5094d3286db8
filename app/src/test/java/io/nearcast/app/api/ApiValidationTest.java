package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets problem+json with the status of its kind and a message naming the field and the problem. */
@Timeout(120)
class ApiValidationTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer(Map.of("micronaut.server.max-request-size", "16KB"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "missing name     | {\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1,\"lon\":2}}                | name            | name: is required",
        "blank name       | {\"name\":\"  \",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1,\"lon\":2}}  | name            | name: is required",
        "bad timezone     | {\"name\":\"S\",\"timezone\":\"Mars/Olympus\",\"location\":{\"lat\":1,\"lon\":2}}   | timezone        | timezone: 'Mars/Olympus' is not an IANA time zone",
        "offset timezone  | {\"name\":\"S\",\"timezone\":\"+02:00\",\"location\":{\"lat\":1,\"lon\":2}}         | timezone        | timezone: '+02:00' is not an IANA time zone",
        "no location      | {\"name\":\"S\",\"timezone\":\"Europe/Berlin\"}                                   | location        | location: is required",
        "lat out of range | {\"name\":\"S\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":91,\"lon\":2}}  | location.lat    | location.lat: must be between -90 and 90, got 91.0",
        "lon missing      | {\"name\":\"S\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1}}            | location.lon    | location.lon: is required",
    })
    void invalidStoreIs422NamingTheField(String caseName, String body, String field, String detail) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/stores", ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":422", "\"field\":\"" + field + "\"", "\"detail\":\"" + detail);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/stores", ApiServer.ADMIN, "{\"name\":");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(20_000) + "\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1,\"lon\":2}}";

        HttpResponse<String> response = server.post("/api/v1/stores", ApiServer.ADMIN, huge);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "page=-1   | page | page: must be 0 or more, got -1",
        "size=0    | size | size: must be between 1 and 200, got 0",
        "size=1000 | size | size: must be between 1 and 200, got 1000",
        "page=two  | page | page: must be a whole number",
    })
    void badPagingIs422(String query, String field, String detail) throws Exception {
        HttpResponse<String> response = server.get("/api/v1/stores?" + query, ApiServer.ADMIN);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detail + "\"");
    }

    @Test
    void pagesAreStableAndCountTheWhole() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.createStore("Paged " + i);
        }
        HttpResponse<String> first = server.get("/api/v1/stores?page=0&size=2", ApiServer.ADMIN);
        HttpResponse<String> second = server.get("/api/v1/stores?page=1&size=2", ApiServer.ADMIN);

        assertThat(first.body()).contains("\"page\":0", "\"size\":2").containsPattern("\"total\":[3-9]");
        assertThat(second.body()).contains("\"page\":1");
        assertThat(ApiServer.field(first.body(), "id")).isNotEqualTo(ApiServer.field(second.body(), "id"));
    }

    @Test
    void tokenForAnUnknownStoreIs422NamingTheListItem() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/tokens", ApiServer.ADMIN,
                "{\"role\":\"staff\",\"storeIds\":[\"00000000-0000-0000-0000-000000000000\"]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"storeIds[0]\"", "no store 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void everyChangeIsAudited() throws Exception {
        String store = server.createStore("Audited");

        HttpResponse<String> audit = server.get("/api/v1/audit?size=5", ApiServer.ADMIN);

        assertThat(audit.body()).contains("\"resource\":\"store/" + store + "\"", "\"actor\":\"admin\"", "\"action\":\"create\"");
    }
}
