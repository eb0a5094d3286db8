package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Campaigns, context and preferences over REST: the contract's body, round trips, optimistic concurrency and field-named refusals. */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private String store;
    private String zone;
    private String staff;

    @BeforeAll
    void aStoreWithAZone() throws Exception {
        store = server.createStore("Campaign API");
        zone = server.createZone(store);
        staff = server.staffToken(store);
    }

    /** CONTRACT §2's example body, verbatim apart from the ids. */
    private String contractExample() {
        return """
                {"name": "Riesling tasting", "storeId": "%s", "zoneIds": ["%s"],
                 "trigger": {"type": "dwell", "dwellSeconds": 30},
                 "schedule": {"from": "2026-01-01", "to": "2027-12-31", "days": ["MON","TUE","WED","THU","FRI","SAT"],
                              "hours": {"from": "08:00", "to": "20:00"}},
                 "audience": {"journeyStages": ["aware", "considering"]},
                 "variants": [{"title": {"de": "Riesling-Probe", "en": "Riesling tasting"}, "body": {"de": "Heute 17 Uhr", "en": "Today 5 pm"}}],
                 "caps": {"perShopperPerDay": 1, "perShopperPerWeek": 3, "cooldownAfterDismissMinutes": 120},
                 "budget": {"maxDeliveries": 1000, "maxRedemptions": 100}, "priority": 10}
                """.formatted(store, zone);
    }

    @Test
    void acceptsTheContractsExampleAndReadsItBackTheSameWay() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/campaigns", staff, contractExample());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiServer.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/campaigns/" + id);
        String read = server.get("/api/v1/campaigns/" + id, staff).body();
        assertThat(read).isEqualTo(created.body());
        assertThat(read).contains("\"trigger\":{\"type\":\"dwell\",\"dwellSeconds\":30}").contains("\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\",\"SAT\"]")
                .contains("\"cooldownAfterDismissMinutes\":120").contains("\"version\":1").contains("\"status\":\"active\"");
        assertThat(server.get("/api/v1/campaigns?storeId=" + store, staff).body()).contains(id);
    }

    @Test
    void aChangeSentBackWithAStaleVersionIsRefused() throws Exception {
        String created = server.post("/api/v1/campaigns", staff, contractExample()).body();
        String id = ApiServer.field(created, "id");
        String paused = created.replace("\"status\":\"active\"", "\"status\":\"paused\"");

        HttpResponse<String> first = server.send("PUT", "/api/v1/campaigns/" + id, Optional.of(staff), Optional.of(paused));
        HttpResponse<String> stale = server.send("PUT", "/api/v1/campaigns/" + id, Optional.of(staff), Optional.of(created));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"paused\"").contains("\"version\":2");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("version 2");
    }

    @Test
    void refusesMistakesNamingTheField() throws Exception {
        String example = contractExample();
        assertRefused(example.replace("\"schedule\"", "\"schedul\""), "schedul");
        assertRefused(example.replace("\"dwell\"", "\"linger\""), "trigger.type");
        assertRefused(example.replace("\"MON\"", "\"Mon\""), "schedule.days[0]");
        assertRefused(example.replace("\"2027-12-31\"", "\"2025-12-31\""), "schedule.to");
        assertRefused(example.replace("\"Riesling tasting\"}", "\"" + "x".repeat(81) + "\"}"), "variants[0].title.en");
        assertRefused(example.replace("\"zoneIds\": [\"" + zone + "\"]", "\"zoneIds\": [\"no-such-zone\"]"), "zoneIds[0]");
        assertRefused(example.replace("\"cooldownAfterDismissMinutes\": 120", "\"cooldownAfterDismissMinutes\": 60, \"cooldownAfterRedemptionMinutes\": 120"),
                "caps.cooldownAfterDismissMinutes");
        assertThat(server.post("/api/v1/campaigns", staff, "[1]").statusCode()).isEqualTo(400);
    }

    private void assertRefused(String body, String field) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/campaigns", staff, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aContextReadingIsInForceAtOnceAndRefusedWhenMalformed() throws Exception {
        HttpResponse<String> put = server.send("PUT", "/api/v1/stores/" + store + "/context", Optional.of(staff),
                Optional.of("{\"weather\":\"sunny\",\"temperatureC\":24.5}"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(server.get("/api/v1/stores/" + store + "/context", staff).body()).contains("\"weather\":\"sunny\"").contains("\"temperatureC\":24.5");

        HttpResponse<String> bad = server.send("PUT", "/api/v1/stores/" + store + "/context", Optional.of(staff),
                Optional.of("{\"weather\":\"Sunny!\",\"temperatureC\":24.5}"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"weather\"");
        HttpResponse<String> hot = server.send("PUT", "/api/v1/stores/" + store + "/context", Optional.of(staff),
                Optional.of("{\"weather\":\"sunny\",\"temperatureC\":70}"));
        assertThat(hot.body()).contains("\"field\":\"temperatureC\"");
    }

    @Test
    void preferencesNeedConsentAndAKnownLanguage() throws Exception {
        String[] shopper = server.registerShopper();
        String path = "/api/v1/shoppers/" + shopper[0] + "/preferences";
        assertThat(server.send("PUT", path, Optional.of(shopper[1]), Optional.of("{\"segments\":[\"wine\"]}")).statusCode())
                .as("no consent yet").isEqualTo(409);

        server.send("PUT", "/api/v1/shoppers/" + shopper[0] + "/consent", Optional.of(shopper[1]),
                Optional.of("{\"purposes\":{\"location\":true,\"personalisation\":true}}"));
        HttpResponse<String> french = server.send("PUT", path, Optional.of(shopper[1]), Optional.of("{\"language\":\"fr\"}"));
        assertThat(french.statusCode()).isEqualTo(422);
        assertThat(french.body()).contains("\"field\":\"language\"");
        HttpResponse<String> badSegment = server.send("PUT", path, Optional.of(shopper[1]), Optional.of("{\"segments\":[\"Wine Lovers\"]}"));
        assertThat(badSegment.body()).contains("\"field\":\"segments[0]\"");
        HttpResponse<String> ok = server.send("PUT", path, Optional.of(shopper[1]), Optional.of("{\"segments\":[\"wine\",\"organic\"],\"language\":\"en\"}"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(server.get(path, shopper[1]).body()).contains("\"segments\":[\"organic\",\"wine\"]").contains("\"language\":\"en\"");
    }
}
