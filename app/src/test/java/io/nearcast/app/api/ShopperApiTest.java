package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shoppers over HTTP: registration without credentials, consent by the shopper only, export, erasure with a receipt. */
@Timeout(120)
class ShopperApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static HttpResponse<String> as(String token, String method, String path, String body) throws Exception {
        return server.send(method, path, Optional.ofNullable(token), Optional.ofNullable(body));
    }

    @Test
    void registersWithoutCredentialsAndGetsATokenOnce() throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/shoppers", Optional.empty(), Optional.empty());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String id = ApiServer.field(created.body(), "id");
        String token = ApiServer.field(created.body(), "token");
        assertThat(token).startsWith("ncp_");
        String identityKey = ApiServer.field(created.body(), "identityKey");
        assertThat(identityKey).matches("[0-9a-f]{32}");
        assertThat(created.body()).contains("\"rotationExponent\":10").contains("\"timeCounter\":\"unix-seconds\"");
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), identityKey)).isEmpty();
        assertThat(as(token, "GET", "/api/v1/shoppers/" + id + "/export", null).body()).doesNotContain(identityKey);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/shoppers/" + id);
        assertThat(as(token, "GET", "/api/v1/shoppers/" + id + "/consent", null).body())
                .isEqualTo("{\"purposes\":{\"location\":false,\"personalisation\":false,\"analytics\":false},\"history\":[]}");
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), token.substring(4))).isEmpty();
    }

    @Test
    void theShopperGrantsRevokesAndSeesTheWholeHistory() throws Exception {
        String[] shopper = server.registerShopper();
        String consent = "/api/v1/shoppers/" + shopper[0] + "/consent";

        HttpResponse<String> granted = as(shopper[1], "PUT", consent, "{\"purposes\":{\"location\":true,\"analytics\":true},\"noticeVersion\":\"2026-11\"}");
        HttpResponse<String> revoked = as(shopper[1], "PUT", consent, "{\"purposes\":{\"location\":false}}");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("{\"purposes\":{\"location\":true,\"personalisation\":false,\"analytics\":true}}");
        assertThat(revoked.body()).contains("\"location\":false").contains("\"analytics\":true");
        String history = as(shopper[1], "GET", consent, null).body();
        assertThat(history).contains("\"purpose\":\"analytics\",\"granted\":true").contains("\"noticeVersion\":\"2026-11\"")
                .contains("\"purpose\":\"location\",\"granted\":false").contains("\"noticeVersion\":\"unspecified\"");
    }

    @Test
    void othersNeitherSeeNorChangeAShopper() throws Exception {
        String[] shopper = server.registerShopper();
        String[] other = server.registerShopper();
        String staff = server.staffToken(server.createStore("Shoppers"));
        String base = "/api/v1/shoppers/" + shopper[0];

        assertThat(as(null, "GET", base + "/export", null).statusCode()).isEqualTo(401);
        assertThat(as(other[1], "GET", base + "/export", null).statusCode()).isEqualTo(404);
        assertThat(as(other[1], "DELETE", base, null).statusCode()).isEqualTo(404);
        assertThat(as(staff, "GET", base + "/consent", null).statusCode()).isEqualTo(404);
        assertThat(as(ApiServer.ADMIN, "PUT", base + "/consent", "{\"purposes\":{\"location\":true}}").statusCode()).isEqualTo(403);
        assertThat(as(ApiServer.ADMIN, "GET", base + "/export", null).statusCode()).isEqualTo(200);
        assertThat(as(shopper[1], "GET", "/api/v1/stores", null).statusCode()).as("a shopper is no staff").isEqualTo(200);
        assertThat(as(shopper[1], "GET", "/api/v1/stores", null).body()).contains("\"total\":0");
        assertThat(as(shopper[1], "POST", "/api/v1/stores", "{\"name\":\"x\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1,\"lon\":1}}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void exportHoldsEverythingAndErasureLeavesNothing() throws Exception {
        String[] shopper = server.registerShopper();
        String base = "/api/v1/shoppers/" + shopper[0];
        as(shopper[1], "PUT", base + "/consent", "{\"purposes\":{\"location\":true,\"personalisation\":false}}");

        HttpResponse<String> export = as(shopper[1], "GET", base + "/export", null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(export.body()).contains("\"shopperId\":\"" + shopper[0] + "\"").contains("\"shopper\":[{").contains("\"consent-ledger\":[{")
                .contains("\"purpose\":\"personalisation\"");

        HttpResponse<String> receipt = as(shopper[1], "DELETE", base, null);

        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.body()).contains("\"removed\":{\"campaign-offers\":0,\"zone-presence\":0,\"mqtt-account\":0,\"consent-ledger\":2,\"shopper\":1}").contains("\"total\":3").doesNotContain(shopper[0]);
        assertThat(as(ApiServer.ADMIN, "GET", base + "/export", null).statusCode()).isEqualTo(404);
        assertThat(as(shopper[1], "GET", base + "/export", null).statusCode()).as("the token died with the shopper").isEqualTo(401);
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0])).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no purposes      | {}                                            | purposes",
        "unknown purpose  | {\"purposes\":{\"tracking\":true}}            | purposes.tracking",
        "null value       | {\"purposes\":{\"location\":null}}            | purposes.location",
        "bad notice       | {\"purposes\":{\"location\":true},\"noticeVersion\":\"v 1\"} | noticeVersion",
    })
    void namesTheFieldOfABadConsentChange(String label, String body, String field) throws Exception {
        String[] shopper = server.registerShopper();

        HttpResponse<String> response = as(shopper[1], "PUT", "/api/v1/shoppers/" + shopper[0] + "/consent", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(ApiServer.field(response.body(), "field")).isEqualTo(field);
    }
}
