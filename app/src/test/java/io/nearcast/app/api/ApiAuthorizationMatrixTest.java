package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.campaign.domain.ContextReading;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.OfferStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every API endpoint: no token → 401, an unknown token → 401, staff of store A on store B's
 * resources → 404, staff on an admin-only endpoint → 403, admin → allowed. A new endpoint is not
 * done until it has its row here.
 */
@Timeout(120)
class ApiAuthorizationMatrixTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static String storeA;
    private static String storeB;
    private static String staffA;
    private static String zoneA;
    private static String zoneB;
    private static String beaconA;
    private static String beaconB;
    private static String deviceA;
    private static String deviceB;
    private static String tagA;
    private static String tagB;
    private static String batchA;
    private static String batchB;
    private static String[] shopper;
    private static String campaignA;
    private static String campaignB;
    private static String offerA;
    private static String offerB;

    @BeforeAll
    static void register() throws Exception {
        storeA = server.createStore("Store A");
        storeB = server.createStore("Store B");
        staffA = server.staffToken(storeA);
        zoneA = server.createZone(storeA);
        zoneB = server.createZone(storeB);
        beaconA = server.createBeacon(storeA);
        beaconB = server.createBeacon(storeB);
        deviceA = server.createDevice(storeA);
        deviceB = server.createDevice(storeB);
        tagA = server.createTag(storeA);
        tagB = server.createTag(storeB);
        batchA = server.createTagBatch(storeA);
        batchB = server.createTagBatch(storeB);
        shopper = server.registerShopper();
        campaignA = ApiServer.field(server.post("/api/v1/campaigns", ApiServer.ADMIN, campaign(storeA)).body(), "id");
        campaignB = ApiServer.field(server.post("/api/v1/campaigns", ApiServer.ADMIN, campaign(storeB)).body(), "id");
        offerA = offer(storeA, campaignA);
        offerB = offer(storeB, campaignB);
        CampaignService campaigns = server.context().getBean(CampaignService.class);
        campaigns.context().post(new ContextReading(storeA, "sunny", 20, Instant.now()));
        campaigns.context().post(new ContextReading(storeB, "rain", 10, Instant.now()));
    }

    private static String campaign(String storeId) {
        return "{\"name\":\"C\",\"storeId\":\"" + storeId + "\",\"trigger\":{\"type\":\"enter\"},"
                + "\"variants\":[{\"title\":{\"en\":\"T\"},\"body\":{\"en\":\"B\"}}]}";
    }

    /** An offer of the campaign to {@link #shopper}, put straight into the ledger (no zone walk needed to test access). */
    private static String offer(String storeId, String campaignId) {
        String id = "ofr_matrix_" + UUID.randomUUID();
        Instant now = Instant.now();
        server.context().getBean(CampaignService.class).ledger().add(new Offer(id, campaignId, 0, shopper[0], storeId, Optional.empty(), "matrix",
                "dec_matrix", now, now.plusSeconds(3600), OfferStatus.DELIVERED, Optional.empty(), Optional.empty()));
        return id;
    }

    /** Who may call an endpoint: admins only, staff within their stores, or a shopper on itself (staff: 404). */
    enum Access { ADMIN_ONLY, STAFF_OWN_STORE, SHOPPER_SELF }

    /**
     * One endpoint. {@code path} and {@code body} are built late (the stores exist only after
     * start); {@code foreignPath} is the same endpoint on store B, for staff-scoped endpoints.
     */
    record Endpoint(String name, String method, Supplier<String> path, Supplier<String> foreignPath, Supplier<String> body, Access access, int adminStatus,
                    String contentType) {
        Endpoint(String name, String method, Supplier<String> path, Supplier<String> foreignPath, Supplier<String> body, Access access, int adminStatus) {
            this(name, method, path, foreignPath, body, access, adminStatus, "application/json");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        String store = "{\"name\":\"X\",\"timezone\":\"Europe/Berlin\",\"location\":{\"lat\":1,\"lon\":2}}";
        return Stream.of(
                new Endpoint("POST /stores", "POST", () -> "/api/v1/stores", null, () -> store, Access.ADMIN_ONLY, 201),
                new Endpoint("GET /stores", "GET", () -> "/api/v1/stores", null, () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}", "GET", () -> "/api/v1/stores/" + storeA, () -> "/api/v1/stores/" + storeB, () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("PATCH /stores/{id}", "PATCH", () -> "/api/v1/stores/" + storeA, () -> "/api/v1/stores/" + storeB,
                        () -> "{\"openingHours\":{\"weekly\":{\"MON\":[{\"from\":\"08:00\",\"to\":\"20:00\"}]}}}", Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /stores/{id}/zones", "POST", () -> "/api/v1/stores/" + storeA + "/zones", () -> "/api/v1/stores/" + storeB + "/zones",
                        () -> ApiServer.CIRCLE_ZONE, Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /stores/{id}/zones", "GET", () -> "/api/v1/stores/" + storeA + "/zones", () -> "/api/v1/stores/" + storeB + "/zones",
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}/zones/{id}", "GET", () -> "/api/v1/stores/" + storeA + "/zones/" + zoneA,
                        () -> "/api/v1/stores/" + storeB + "/zones/" + zoneB, () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("PATCH /stores/{id}/zones/{id}", "PATCH", () -> "/api/v1/stores/" + storeA + "/zones/" + zoneA,
                        () -> "/api/v1/stores/" + storeB + "/zones/" + zoneB, () -> "{\"name\":\"Renamed\",\"dwellSeconds\":20}", Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /stores/{id}/zones:import", "POST", () -> "/api/v1/stores/" + storeA + "/zones:import",
                        () -> "/api/v1/stores/" + storeB + "/zones:import", () -> ApiServer.CIRCLE_COLLECTION, Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /stores/{id}/zones:export", "GET", () -> "/api/v1/stores/" + storeA + "/zones:export",
                        () -> "/api/v1/stores/" + storeB + "/zones:export", () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("DELETE /stores/{id}/zones/{id}", "DELETE", () -> "/api/v1/stores/" + storeA + "/zones/" + fresh(() -> server.createZone(storeA)),
                        () -> "/api/v1/stores/" + storeB + "/zones/" + fresh(() -> server.createZone(storeB)), () -> null, Access.STAFF_OWN_STORE, 204),
                new Endpoint("POST /stores/{id}/beacons", "POST", () -> "/api/v1/stores/" + storeA + "/beacons", () -> "/api/v1/stores/" + storeB + "/beacons",
                        ApiServer::uniqueIBeacon, Access.STAFF_OWN_STORE, 201),
                new Endpoint("POST /stores/{id}/beacons:import", "POST", () -> "/api/v1/stores/" + storeA + "/beacons:import",
                        () -> "/api/v1/stores/" + storeB + "/beacons:import", ApiServer::uniqueIBeaconCsv, Access.STAFF_OWN_STORE, 201, "text/csv"),
                new Endpoint("GET /stores/{id}/beacons", "GET", () -> "/api/v1/stores/" + storeA + "/beacons", () -> "/api/v1/stores/" + storeB + "/beacons",
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}/beacons/{id}", "GET", () -> "/api/v1/stores/" + storeA + "/beacons/" + beaconA,
                        () -> "/api/v1/stores/" + storeB + "/beacons/" + beaconB, () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("DELETE /stores/{id}/beacons/{id}", "DELETE", () -> "/api/v1/stores/" + storeA + "/beacons/" + fresh(() -> server.createBeacon(storeA)),
                        () -> "/api/v1/stores/" + storeB + "/beacons/" + fresh(() -> server.createBeacon(storeB)), () -> null, Access.STAFF_OWN_STORE, 204),
                new Endpoint("POST /stores/{id}/devices", "POST", () -> devices(storeA), () -> devices(storeB),
                        () -> ApiServer.SCANNER, Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /stores/{id}/devices", "GET", () -> devices(storeA), () -> devices(storeB), () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}/devices/{id}", "GET", () -> devices(storeA) + "/" + deviceA, () -> devices(storeB) + "/" + deviceB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("PATCH /stores/{id}/devices/{id}", "PATCH", () -> devices(storeA) + "/" + deviceA, () -> devices(storeB) + "/" + deviceB,
                        () -> "{\"name\":\"Till scanner\"}", Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /stores/{id}/devices/{id}/credentials:rotate", "POST", () -> devices(storeA) + "/" + deviceA + "/credentials:rotate",
                        () -> devices(storeB) + "/" + deviceB + "/credentials:rotate", () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("DELETE /stores/{id}/devices/{id}", "DELETE", () -> devices(storeA) + "/" + freshDevice(storeA),
                        () -> devices(storeB) + "/" + freshDevice(storeB), () -> null, Access.STAFF_OWN_STORE, 204),
                new Endpoint("POST /tags", "POST", () -> "/api/v1/tags", null, () -> ApiServer.uniqueTag(storeA), Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /tags?storeId=", "GET", () -> "/api/v1/tags?storeId=" + storeA, () -> "/api/v1/tags?storeId=" + storeB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /tags/{id}", "GET", () -> "/api/v1/tags/" + tagA, () -> "/api/v1/tags/" + tagB, () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("DELETE /tags/{id}", "DELETE", () -> "/api/v1/tags/" + fresh(() -> server.createTag(storeA)),
                        () -> "/api/v1/tags/" + fresh(() -> server.createTag(storeB)), () -> null, Access.STAFF_OWN_STORE, 204),
                new Endpoint("POST /tag-batches", "POST", () -> "/api/v1/tag-batches", null, () -> ApiServer.tagBatch(storeA), Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /tag-batches?storeId=", "GET", () -> "/api/v1/tag-batches?storeId=" + storeA, () -> "/api/v1/tag-batches?storeId=" + storeB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /tag-batches/{id}", "GET", () -> "/api/v1/tag-batches/" + batchA, () -> "/api/v1/tag-batches/" + batchB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("DELETE /tag-batches/{id}", "DELETE", () -> "/api/v1/tag-batches/" + fresh(() -> server.createTagBatch(storeA)),
                        () -> "/api/v1/tag-batches/" + fresh(() -> server.createTagBatch(storeB)), () -> null, Access.STAFF_OWN_STORE, 204),
                new Endpoint("GET /shoppers/{id}/consent", "GET", () -> "/api/v1/shoppers/" + shopper[0] + "/consent", null, () -> null,
                        Access.SHOPPER_SELF, 200),
                new Endpoint("PUT /shoppers/{id}/consent (the shopper only)", "PUT", () -> "/api/v1/shoppers/" + shopper[0] + "/consent", null,
                        () -> "{\"purposes\":{\"location\":true}}", Access.SHOPPER_SELF, 403),
                new Endpoint("GET /shoppers/{id}/export", "GET", () -> "/api/v1/shoppers/" + shopper[0] + "/export", null, () -> null,
                        Access.SHOPPER_SELF, 200),
                new Endpoint("DELETE /shoppers/{id}", "DELETE", () -> "/api/v1/shoppers/" + fresh(() -> server.registerShopper()[0]), null,
                        () -> null, Access.SHOPPER_SELF, 200),
                new Endpoint("POST /campaigns", "POST", () -> "/api/v1/campaigns", null, () -> campaign(storeA), Access.STAFF_OWN_STORE, 201),
                new Endpoint("GET /campaigns?storeId=", "GET", () -> "/api/v1/campaigns?storeId=" + storeA, () -> "/api/v1/campaigns?storeId=" + storeB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /campaigns/{id}", "GET", () -> "/api/v1/campaigns/" + campaignA, () -> "/api/v1/campaigns/" + campaignB,
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("PUT /campaigns/{id}", "PUT", () -> "/api/v1/campaigns/" + campaignA, null, () -> campaign(storeA),
                        Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /campaigns/{id}/stats", "GET", () -> "/api/v1/campaigns/" + campaignA + "/stats",
                        () -> "/api/v1/campaigns/" + campaignB + "/stats", () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /offers/{id}", "GET", () -> "/api/v1/offers/" + offerA, () -> "/api/v1/offers/" + offerB, () -> null,
                        Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /offers/{id}/redeem", "POST", () -> "/api/v1/offers/" + offer(storeA, campaignA) + "/redeem",
                        () -> "/api/v1/offers/" + offer(storeB, campaignB) + "/redeem", () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /offers/{id}/dismiss (the shopper only)", "POST", () -> "/api/v1/offers/" + offerA + "/dismiss", null, () -> null,
                        Access.SHOPPER_SELF, 404),
                new Endpoint("PUT /stores/{id}/context", "PUT", () -> "/api/v1/stores/" + storeA + "/context", () -> "/api/v1/stores/" + storeB + "/context",
                        () -> "{\"weather\":\"sunny\",\"temperatureC\":21.5}", Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}/context", "GET", () -> "/api/v1/stores/" + storeA + "/context", () -> "/api/v1/stores/" + storeB + "/context",
                        () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("GET /stores/{id}/decisions", "GET", () -> "/api/v1/stores/" + storeA + "/decisions",
                        () -> "/api/v1/stores/" + storeB + "/decisions", () -> null, Access.STAFF_OWN_STORE, 200),
                new Endpoint("POST /stores/{id}/purchases", "POST", () -> "/api/v1/stores/" + storeA + "/purchases",
                        () -> "/api/v1/stores/" + storeB + "/purchases", () -> "{\"shopperId\":\"" + shopper[0] + "\"}", Access.STAFF_OWN_STORE, 202),
                new Endpoint("GET /shoppers/{id}/offers (the shopper only)", "GET", () -> "/api/v1/shoppers/" + shopper[0] + "/offers", null,
                        () -> null, Access.SHOPPER_SELF, 404),
                new Endpoint("PUT /shoppers/{id}/preferences (the shopper only)", "PUT", () -> "/api/v1/shoppers/" + shopper[0] + "/preferences", null,
                        () -> "{\"segments\":[\"wine\"]}", Access.SHOPPER_SELF, 403),
                new Endpoint("GET /shoppers/{id}/preferences (the shopper only)", "GET", () -> "/api/v1/shoppers/" + shopper[0] + "/preferences", null,
                        () -> null, Access.SHOPPER_SELF, 403),
                new Endpoint("POST /tokens", "POST", () -> "/api/v1/tokens", null, () -> "{\"role\":\"staff\",\"storeIds\":[\"" + storeB + "\"]}", Access.ADMIN_ONLY, 201),
                new Endpoint("GET /tokens", "GET", () -> "/api/v1/tokens", null, () -> null, Access.ADMIN_ONLY, 200),
                new Endpoint("DELETE /tokens/{id}", "DELETE", ApiAuthorizationMatrixTest::revocableTokenPath, null, () -> null, Access.ADMIN_ONLY, 204),
                new Endpoint("GET /audit", "GET", () -> "/api/v1/audit", null, () -> null, Access.ADMIN_ONLY, 200),
                new Endpoint("GET /metrics", "GET", () -> "/metrics", null, () -> null, Access.ADMIN_ONLY, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesACallWithoutAToken(Endpoint endpoint) throws Exception {
        HttpResponse<String> response = call(endpoint, endpoint.path().get(), Optional.empty());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesAnUnknownToken(Endpoint endpoint) throws Exception {
        assertThat(call(endpoint, endpoint.path().get(), Optional.of("ncs_not-a-real-token")).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void staffGetsOnlyWhatTheirStoreScopeAllows(Endpoint endpoint) throws Exception {
        if (endpoint.access() == Access.ADMIN_ONLY) {
            HttpResponse<String> response = call(endpoint, endpoint.path().get(), Optional.of(staffA));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            return;
        }
        if (endpoint.access() == Access.SHOPPER_SELF) {
            HttpResponse<String> response = call(endpoint, endpoint.path().get(), Optional.of(staffA));
            assertThat(response.statusCode()).as("a shopper is invisible to staff: " + response.body()).isEqualTo(404);
            return;
        }
        assertThat(call(endpoint, endpoint.path().get(), Optional.of(staffA)).statusCode()).isEqualTo(endpoint.adminStatus());
        if (endpoint.foreignPath() != null) {
            HttpResponse<String> foreign = call(endpoint, endpoint.foreignPath().get(), Optional.of(staffA));
            assertThat(foreign.statusCode()).as("store B's resource for staff of A").isEqualTo(404);
            assertThat(foreign.body()).doesNotContain("Store B");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void adminIsAllowed(Endpoint endpoint) throws Exception {
        HttpResponse<String> response = call(endpoint, endpoint.path().get(), Optional.of(ApiServer.ADMIN));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(endpoint.adminStatus());
        if (endpoint.foreignPath() != null) {
            assertThat(call(endpoint, endpoint.foreignPath().get(), Optional.of(ApiServer.ADMIN)).statusCode()).isEqualTo(endpoint.adminStatus());
        }
    }

    @Test
    void staffListsOnlyTheirOwnStores() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/stores", staffA);

        assertThat(response.body()).contains(storeA).doesNotContain(storeB).contains("\"total\":1");
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        String token = server.staffToken(storeA);
        assertThat(server.get("/api/v1/stores", token).statusCode()).isEqualTo(200);

        String id = ApiServer.field(server.get("/api/v1/tokens?size=1", ApiServer.ADMIN).body(), "id");
        assertThat(server.send("DELETE", "/api/v1/tokens/" + id, Optional.of(ApiServer.ADMIN), Optional.empty()).statusCode()).isEqualTo(204);

        assertThat(server.get("/api/v1/stores", token).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> call(Endpoint endpoint, String path, Optional<String> token) throws Exception {
        return server.send(endpoint.method(), path, token, Optional.ofNullable(endpoint.body().get()), endpoint.contentType());
    }

    private static String devices(String storeId) {
        return "/api/v1/stores/" + storeId + "/devices";
    }

    /** A fresh device to delete, so every row can run independently. */
    private static String freshDevice(String storeId) {
        return fresh(() -> server.createDevice(storeId));
    }

    /** Something created just now (to be deleted), so every row can run independently. */
    private static String fresh(java.util.concurrent.Callable<String> create) {
        try {
            return create.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resources whose store is named in the body: staff naming another store are refused with 403. */
    @Test
    void staffCannotCreateTagsOrBatchesForAnotherStoreOrForAllStores() throws Exception {
        assertThat(server.post("/api/v1/tags", staffA, ApiServer.uniqueTag(storeB)).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/tag-batches", staffA, ApiServer.tagBatch(storeB)).statusCode()).isEqualTo(403);
        String storeless = ApiServer.uniqueTag(storeA).replace(",\"storeId\":\"" + storeA + "\"", "");
        assertThat(server.post("/api/v1/tags", staffA, storeless).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/tags", ApiServer.ADMIN, storeless).statusCode()).isEqualTo(201);
        assertThat(server.get("/api/v1/tags", staffA).body()).contains(tagA).doesNotContain(tagB);
    }

    /** The PUT row has no foreign path (its body names store A); staff of A changing store B's campaign get 404 before the body is read. */
    @Test
    void staffCannotChangeOrCreateAnotherStoresCampaign() throws Exception {
        assertThat(server.send("PUT", "/api/v1/campaigns/" + campaignB, Optional.of(staffA), Optional.of(campaign(storeB))).statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/campaigns", staffA, campaign(storeB)).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/campaigns", staffA).body()).contains(campaignA).doesNotContain(campaignB);
    }

    /** A fresh token to revoke, so every row can run independently. */
    private static String revocableTokenPath() {
        try {
            server.staffToken(storeA);
            return "/api/v1/tokens/" + ApiServer.field(server.get("/api/v1/tokens?size=1", ApiServer.ADMIN).body(), "id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
