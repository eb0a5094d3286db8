package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Devices over HTTP: generated secrets appear once (creation or rotation, never cached), are
 * stored only hashed or sealed, never logged; rename, disable, delete; 422 naming the field.
 */
@Timeout(120)
class DeviceApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static String store;

    @BeforeAll
    static void register() throws Exception {
        store = server.createStore("Devices");
    }

    private static String devices() {
        return "/api/v1/stores/" + store + "/devices";
    }

    @Test
    void creationShowsTheCredentialsOnceInTheContractShape() throws Exception {
        HttpResponse<String> created = server.post(devices(), ApiServer.ADMIN, "{\"kind\":\"nfc-reader\",\"name\":\"Till 2\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String id = ApiServer.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue(devices() + "/" + id);
        String password = ApiServer.field(created.body(), "password");
        String pskKey = ApiServer.field(created.body(), "pskKey");
        assertThat(ApiServer.field(created.body(), "username")).isEqualTo(id);
        assertThat(ApiServer.field(created.body(), "pskIdentity")).isEqualTo(id);
        assertThat(ApiServer.field(created.body(), "topicPrefix")).isEqualTo("nearcast/v1/stores/" + store + "/devices/" + id + "/");
        assertThat(password).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(pskKey).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(password);

        HttpResponse<String> read = server.get(devices() + "/" + id, ApiServer.ADMIN);
        HttpResponse<String> list = server.get(devices(), ApiServer.ADMIN);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"pskIdentity\":\"" + id + "\"").doesNotContain(password).doesNotContain(pskKey)
                .doesNotContain("\"password\"").doesNotContain("\"pskKey\"");
        assertThat(list.body()).contains(id).doesNotContain(password).doesNotContain(pskKey);
        assertNeitherStoredNorLogged(password, pskKey);
    }

    @Test
    void rotationIssuesNewSecretsOnceAndRecordsItInTheAudit() throws Exception {
        String id = server.createDevice(store);
        HttpResponse<String> first = server.get(devices() + "/" + id, ApiServer.ADMIN);

        HttpResponse<String> rotated = server.post(devices() + "/" + id + "/credentials:rotate", ApiServer.ADMIN, "");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(ApiServer.field(rotated.body(), "credentialsIssuedAt")).isGreaterThan(ApiServer.field(first.body(), "credentialsIssuedAt"));
        assertNeitherStoredNorLogged(ApiServer.field(rotated.body(), "password"), ApiServer.field(rotated.body(), "pskKey"));
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body()).contains("device/" + id).contains("credentials rotated");
    }

    @Test
    void renamesDisablesAndEnables() throws Exception {
        String id = server.createDevice(store);

        HttpResponse<String> disabled = server.send("PATCH", devices() + "/" + id, Optional.of(ApiServer.ADMIN),
                Optional.of("{\"name\":\"Back door\",\"enabled\":false}"));

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"name\":\"Back door\"").contains("\"enabled\":false");
        assertThat(server.get(devices() + "/" + id, ApiServer.ADMIN).body()).contains("\"enabled\":false");
        HttpResponse<String> enabled = server.send("PATCH", devices() + "/" + id, Optional.of(ApiServer.ADMIN), Optional.of("{\"enabled\":true}"));
        assertThat(enabled.body()).contains("\"enabled\":true").contains("\"name\":\"Back door\"");
    }

    @Test
    void deletionIsFinal() throws Exception {
        String id = server.createDevice(store);

        assertThat(server.send("DELETE", devices() + "/" + id, Optional.of(ApiServer.ADMIN), Optional.empty()).statusCode()).isEqualTo(204);

        assertThat(server.get(devices() + "/" + id, ApiServer.ADMIN).statusCode()).isEqualTo(404);
        assertThat(server.send("DELETE", devices() + "/" + id, Optional.of(ApiServer.ADMIN), Optional.empty()).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no kind       | {\"name\":\"x\"}                          | kind",
        "unknown kind  | {\"kind\":\"toaster\",\"name\":\"x\"}     | kind",
        "no name       | {\"kind\":\"scanner\"}                    | name",
        "blank name    | {\"kind\":\"kiosk\",\"name\":\"  \"}      | name",
    })
    void namesTheFieldOfAnInvalidDevice(String label, String body, String field) throws Exception {
        HttpResponse<String> response = server.post(devices(), ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo(field);
    }

    @Test
    void aLongNameIsRefusedOnPatchToo() throws Exception {
        String id = server.createDevice(store);

        HttpResponse<String> response = server.send("PATCH", devices() + "/" + id, Optional.of(ApiServer.ADMIN),
                Optional.of("{\"name\":\"" + "x".repeat(101) + "\"}"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo("name");
    }

    @Test
    void aDeviceIsPlacedInAZoneOfItsStoreFromCreationOn() throws Exception {
        String zone = server.createZone(store);

        HttpResponse<String> created = server.post(devices(), ApiServer.ADMIN, "{\"kind\":\"scanner\",\"name\":\"Wine aisle\",\"zoneId\":\"" + zone + "\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiServer.field(created.body(), "id");
        assertThat(created.body()).contains("\"zoneId\":\"" + zone + "\"", "\"password\":", "\"pskKey\":", "\"topicPrefix\":");
        assertThat(server.get(devices() + "/" + id, ApiServer.ADMIN).body()).contains("\"zoneId\":\"" + zone + "\"");
        assertThat(server.get(devices() + "?size=200", ApiServer.ADMIN).body()).contains("\"zoneId\":\"" + zone + "\"");
        assertThat(server.get(devices() + "/" + server.createDevice(store), ApiServer.ADMIN).body()).as("placed nowhere").doesNotContain("zoneId");
    }

    @Test
    void patchMovesTheDeviceKeepsItsZoneWhenNotNamedAndNullTakesItOut() throws Exception {
        String wine = server.createZone(store);
        String entrance = server.createZone(store);
        String id = server.createDevice(store);

        HttpResponse<String> placed = patch(id, "{\"zoneId\":\"" + wine + "\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(placed.body()).contains("\"zoneId\":\"" + wine + "\"");
        assertThat(patch(id, "{\"zoneId\":\"" + entrance + "\"}").body()).contains("\"zoneId\":\"" + entrance + "\"");
        assertThat(patch(id, "{\"name\":\"Entrance scanner\",\"enabled\":true}").body()).contains("\"zoneId\":\"" + entrance + "\"");

        HttpResponse<String> unplaced = patch(id, "{\"zoneId\":null}");

        assertThat(unplaced.statusCode()).as(unplaced.body()).isEqualTo(200);
        assertThat(unplaced.body()).doesNotContain("zoneId").contains("\"name\":\"Entrance scanner\"");
        assertThat(server.get(devices() + "/" + id, ApiServer.ADMIN).body()).doesNotContain("zoneId");
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body()).contains("\"resource\":\"device/" + id + "\",\"summary\":\"zone removed\"");
    }

    @Test
    void aZoneOfAnotherStoreOrAnUnknownZoneIs422NamingZoneId() throws Exception {
        String foreignZone = server.createZone(server.createStore("Elsewhere"));
        String id = server.createDevice(store);

        for (String zone : new String[] {foreignZone, "00000000-0000-0000-0000-000000000000"}) {
            HttpResponse<String> created = server.post(devices(), ApiServer.ADMIN, "{\"kind\":\"kiosk\",\"name\":\"x\",\"zoneId\":\"" + zone + "\"}");
            HttpResponse<String> patched = patch(id, "{\"zoneId\":\"" + zone + "\"}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
            assertThat(ApiServer.field(created.body(), "field")).isEqualTo("zoneId");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(422);
            assertThat(ApiServer.field(patched.body(), "field")).isEqualTo("zoneId");
        }
        assertThat(server.get(devices() + "/" + id, ApiServer.ADMIN).body()).doesNotContain("zoneId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zoneId a number  | {\"zoneId\":7}          | zoneId",
        "enabled a string | {\"enabled\":\"yes\"}   | enabled",
        "name a number    | {\"name\":12}           | name",
    })
    void aPatchOfTheWrongTypeIs422NamingTheField(String label, String body, String field) throws Exception {
        HttpResponse<String> response = patch(server.createDevice(store), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo(field);
    }

    private static HttpResponse<String> patch(String deviceId, String body) throws Exception {
        return server.send("PATCH", devices() + "/" + deviceId, Optional.of(ApiServer.ADMIN), Optional.of(body));
    }

    private void assertNeitherStoredNorLogged(String password, String pskKey) throws Exception {
        DataSource db = server.runtime().database().dataSource();
        assertThat(DatabaseScan.cellsContaining(db, password)).isEmpty();
        assertThat(DatabaseScan.cellsContaining(db, pskKey)).isEmpty();
        assertThat(logs.lines()).noneMatch(line -> line.contains(password) || line.contains(pskKey));
    }
}
