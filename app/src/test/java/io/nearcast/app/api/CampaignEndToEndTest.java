package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.app.campaign.CampaignService;
import io.nearcast.app.geofence.GeofenceService;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From a shopper app's sightings through the geofence's zone enter to an offer on
 * {@code nearcast/v1/shoppers/{id}/offers}, its landing page, the redemption at the till, the
 * statistics, the export with the decision's explanation and the erasure; and privacy by default:
 * without consent to personalisation (or to anything) no offer and no per-shopper campaign record.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignEndToEndTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer(GeofenceEndToEndContract.QUICK);

    private TopicWatcher watcher;
    private String store;
    private String staff;

    @BeforeAll
    void aStoreItsStaffAndAWatcherOfOffers() throws Exception {
        store = server.createStore("Campaigns end to end");
        staff = server.staffToken(store);
        watcher = new TopicWatcher("nearcast/v1/shoppers/+/offers", "nearcast/v1/events/zones");
    }

    @AfterAll
    void closeWatcher() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aConsentingShopperEnteringAPromotedZoneGetsAnOfferThatRedeemsOnceAndGoesWithTheShopper() throws Exception {
        String zone = zoneWithBeacon();
        String campaign = campaignOn(zone);
        String[] shopper = shopper("{\"location\":true,\"personalisation\":true}");
        server.send("PUT", "/api/v1/shoppers/" + shopper[0] + "/preferences", Optional.of(shopper[1]),
                Optional.of("{\"language\":\"en\",\"segments\":[\"wine\"]}"));

        walkInto(shopper[0], zone);

        TopicWatcher.Seen offer = watcher.await(seen -> seen.topic().equals("nearcast/v1/shoppers/" + shopper[0] + "/offers"), "offer for the shopper");
        assertThat(offer.payload()).contains("\"campaignId\":\"" + campaign + "\"").contains("\"title\":\"Riesling tasting\"")
                .contains("\"body\":\"A glass on us\"").contains("\"expiresAt\":\"");
        String offerId = ApiServer.field(offer.payload(), "offerId");
        String url = ApiServer.field(offer.payload(), "url");
        assertThat(url).endsWith("/o/" + offerId);

        assertThat(server.get("/api/v1/shoppers/" + shopper[0] + "/offers?open=true", shopper[1]).body())
                .as("an app that missed the message finds the offer").contains("\"offerId\":\"" + offerId + "\"").contains("\"title\":\"Riesling tasting\"")
                .contains("\"url\":\"" + url + "\"").contains("\"total\":1");
        String seen = server.get("/api/v1/offers/" + offerId, staff).body();
        assertThat(seen).contains("\"status\":\"delivered\"").contains("\"verdicts\":[{\"campaignId\":\"" + campaign + "\",\"verdict\":\"chosen\"}]");

        HttpResponse<String> page = server.send("GET", "/o/" + offerId, Optional.empty(), Optional.empty());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"de\"").contains("Riesling-Verkostung");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));

        String foreignStaff = server.staffToken(server.createStore("Another store"));
        assertThat(server.post("/api/v1/offers/" + offerId + "/redeem", foreignStaff, "").statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/offers/" + offerId + "/redeem", shopper[1], "").statusCode()).isEqualTo(403);
        HttpResponse<String> redeemed = server.post("/api/v1/offers/" + offerId + "/redeem", staff, "");
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.body()).contains("\"status\":\"redeemed\"").contains("\"openedAt\":\"");
        HttpResponse<String> again = server.post("/api/v1/offers/" + offerId + "/redeem", staff, "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already redeemed");

        String stats = server.get("/api/v1/campaigns/" + campaign + "/stats", staff).body();
        assertThat(stats).contains("\"total\":{\"deliveries\":1,\"opens\":1,\"redemptions\":1,").contains("\"zoneId\":\"" + zone + "\"");
        assertThat(server.get("/api/v1/shoppers/" + shopper[0] + "/preferences", shopper[1]).body()).contains("\"stage\":\"purchased\"");
        assertThat(server.get("/metrics", ApiServer.ADMIN).body()).containsPattern("(?m)^nearcast_campaign_offers_total\\{[^}]*} [1-9]")
                .containsPattern("(?m)^nearcast_campaign_offers_published_total\\{[^}]*} [1-9]").contains("nearcast_campaign_context_rejected_total{reason=\"invalid-json\"");
        String export = server.get("/api/v1/shoppers/" + shopper[0] + "/export", shopper[1]).body();
        assertThat(export).contains("\"campaign-offers\":[").contains("\"kind\":\"offer\"").contains("\"explanation\":\"" + campaign + ":chosen\"")
                .contains("\"kind\":\"journey\"");

        String receipt = server.send("DELETE", "/api/v1/shoppers/" + shopper[0], Optional.of(shopper[1]), Optional.empty()).body();
        assertThat(receipt).containsPattern("\"campaign-offers\":[1-9]");
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0])).isEmpty();
        assertThat(server.get("/api/v1/campaigns/" + campaign + "/stats", staff).body())
                .as("anonymous statistics outlive the erasure").contains("\"total\":{\"deliveries\":1,\"opens\":1,\"redemptions\":1,");
        assertThat(server.get("/api/v1/offers/" + offerId, staff).statusCode()).isEqualTo(404);
    }

    @Test
    void aShopperWithLocationButWithoutPersonalisationConsentGetsNoOfferAndNoCampaignRecord() throws Exception {
        String zone = zoneWithBeacon();
        campaignOn(zone);
        String[] shopper = shopper("{\"location\":true,\"personalisation\":false}");
        CampaignService campaigns = server.context().getBean(CampaignService.class);
        long refusedBefore = campaigns.occasions().counters().withoutConsent.sum();

        walkInto(shopper[0], zone);

        watcher.await(e -> e.payload().contains(shopper[0]) && e.payload().contains("\"type\":\"enter\""), "enter of the shopper");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (campaigns.occasions().counters().withoutConsent.sum() == refusedBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(campaigns.occasions().counters().withoutConsent.sum()).as("the zone event reached the campaign service").isGreaterThan(refusedBefore);
        assertThat(server.send("PUT", "/api/v1/shoppers/" + shopper[0] + "/preferences", Optional.of(shopper[1]),
                Optional.of("{\"segments\":[\"wine\"]}")).statusCode()).isEqualTo(409);
        assertThat(watcher.seen()).noneMatch(seen -> seen.topic().contains(shopper[0]));
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0]))
                .as("the geofence keeps the visit (location consent); nothing of the campaign service names the shopper")
                .noneMatch(cell -> cell.startsWith("campaign_"))
                .anyMatch(cell -> cell.startsWith("geofence_"));
    }

    @Test
    void aShopperWithoutAnyConsentLeavesNoCampaignTrace() throws Exception {
        String zone = zoneWithBeacon();
        campaignOn(zone);
        String[] shopper = shopper("{\"location\":false}");
        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        long anonymousBefore = geofence.tracker().counters().anonymousSightings();

        walkInto(shopper[0], zone);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (geofence.tracker().counters().anonymousSightings() < anonymousBefore + 9 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(geofence.tracker().counters().anonymousSightings()).isGreaterThanOrEqualTo(anonymousBefore + 9);
        assertThat(watcher.seen()).noneMatch(seen -> seen.topic().contains(shopper[0]));
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0]))
                .as("only the shopper record and the consent ledger name the shopper")
                .allMatch(cell -> cell.startsWith("privacy_"));
    }

    /** A zone of the store with an iBeacon (major 4, minor 2) in it, in the zone index; returns the zone id. */
    private String zoneWithBeacon() throws Exception {
        String zone = server.createZone(store);
        String uuid = UUID.randomUUID().toString();
        server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN, "{\"kind\":\"ibeacon\",\"uuid\":\"" + uuid
                + "\",\"major\":4,\"minor\":2,\"txPower\":-59,\"zoneId\":\"" + zone + "\"}");
        beacons.put(zone, uuid);
        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (geofence.zones().zone(store, zone).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return zone;
    }

    private final java.util.Map<String, String> beacons = new java.util.concurrent.ConcurrentHashMap<>();

    private String campaignOn(String zone) throws Exception {
        HttpResponse<String> created = server.post("/api/v1/campaigns", staff, "{\"name\":\"Riesling tasting\",\"storeId\":\"" + store + "\","
                + "\"zoneIds\":[\"" + zone + "\"],\"trigger\":{\"type\":\"enter\"},"
                + "\"variants\":[{\"title\":{\"de\":\"Riesling-Verkostung\",\"en\":\"Riesling tasting\"},\"body\":{\"de\":\"Ein Glas aufs Haus\",\"en\":\"A glass on us\"}}],"
                + "\"caps\":{\"perShopperPerDay\":1},\"priority\":10}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiServer.field(created.body(), "id");
    }

    /** {id, token} of a new shopper with this consent. */
    private String[] shopper(String purposes) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/shoppers", Optional.empty(), Optional.empty());
        String id = ApiServer.field(created.body(), "id");
        String token = ApiServer.field(created.body(), "token");
        server.send("PUT", "/api/v1/shoppers/" + id + "/consent", Optional.of(token), Optional.of("{\"purposes\":" + purposes + "}"));
        return new String[] {id, token};
    }

    /** Nine app reports of the zone's beacon, a second apart. */
    private void walkInto(String shopperId, String zone) throws Exception {
        try (ShopperApp app = new ShopperApp(shopperId)) {
            app.standNear(beacons.get(zone));
        }
    }
}
