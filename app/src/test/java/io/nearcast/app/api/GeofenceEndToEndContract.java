package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.app.geofence.GeofenceService;
import io.nearcast.kernel.domain.EphemeralId;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * From a shopper app's MQTT sightings to zone events on {@code nearcast/v1/events/zones}, the
 * visit history, the zone statistics, the export and the erasure, through the whole server; and
 * privacy by default: a shopper without location consent produces no event and no per-shopper
 * record, only anonymous footfall. Run with the sightings handed to the geofence service in
 * process and through the broker's internal topic ({@code NEARCAST_SIGHTINGS}).
 */
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GeofenceEndToEndContract {

    /** Short silence and switch times keep the tests quick. */
    static final Map<String, Object> QUICK = Map.of("nearcast.geofence.beacon-silence", "3s", "nearcast.geofence.switch-time", "2s");

    private TopicWatcher watcher;
    private String store;
    private ApiServer server;

    /** The running server of the subclass. */
    abstract ApiServer server();

    @BeforeAll
    void aStoreAndAWatcherOfZoneEvents() throws Exception {
        server = server();
        store = server.createStore("Geofence end to end");
        watcher = new TopicWatcher("nearcast/v1/events/zones");
    }

    /** A new zone of the store, in the zone index; returns its id. */
    private String zone() throws Exception {
        String zone = server.createZone(store);
        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (geofence.zones().zone(store, zone).isEmpty() && System.nanoTime() < deadline) { // rebuilt 200 ms after the change
            Thread.sleep(20);
        }
        return zone;
    }

    /** An iBeacon (tx power −59 dBm) placed in the zone; returns its UUID (major 4, minor 2). */
    private String beaconIn(String zone) throws Exception {
        String uuid = UUID.randomUUID().toString();
        server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN, "{\"kind\":\"ibeacon\",\"uuid\":\"" + uuid
                + "\",\"major\":4,\"minor\":2,\"txPower\":-59,\"zoneId\":\"" + zone + "\"}");
        return uuid;
    }

    @AfterAll
    void closeWatcher() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aConsentingShoppersVisitBecomesEventsHistoryStatisticsAndGoesWithTheShopper() throws Exception {
        String zone = zone();
        String beacon = beaconIn(zone);
        String[] shopper = consentingShopper(true);
        try (ShopperApp app = new ShopperApp(shopper[0])) {
            app.standNear(beacon);
        }

        String enter = await(e -> e.contains(shopper[0]) && e.contains("\"type\":\"enter\""));
        assertThat(enter).contains("\"storeId\":\"" + store + "\"").contains("\"zoneId\":\"" + zone + "\"").contains("\"visitId\":\"");
        assertThat(server.get("/api/v1/shoppers/" + shopper[0] + "/export", shopper[1]).body())
                .contains("\"zone-presence\":[{\"kind\":\"open-visit\"").contains("\"kind\":\"anchor-heard\"");
        String exit = await(e -> e.contains(shopper[0]) && e.contains("\"type\":\"exit\""));
        assertThat(exit).contains("\"reason\":\"silent\"").contains("\"dwellMs\":").contains(ApiServer.field(enter, "visitId"));

        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        geofence.recorder().flush();
        String stats = server.get("/api/v1/stores/" + store + "/zone-stats?zoneId=" + zone, ApiServer.ADMIN).body();
        assertThat(stats).contains("\"visits\":1,").contains("\"uniqueVisitors\":1,").contains("\"endedVisits\":1");

        String export = server.get("/api/v1/shoppers/" + shopper[0] + "/export", shopper[1]).body();
        assertThat(export).contains("\"kind\":\"visit\"").contains("\"exitReason\":\"silent\"").doesNotContain("open-visit");

        String receipt = server.send("DELETE", "/api/v1/shoppers/" + shopper[0], java.util.Optional.of(shopper[1]), java.util.Optional.empty()).body();
        assertThat(receipt).contains("\"zone-presence\":2"); // the live state (kept until the idle expiry) and the visit
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0])).isEmpty();
        assertThat(geofence.tracker().view(shopper[0])).isEmpty();
        assertThat(server.get("/api/v1/stores/" + store + "/zone-stats?zoneId=" + zone, ApiServer.ADMIN).body())
                .as("anonymous statistics outlive the erasure").contains("\"uniqueVisitors\":1");
    }

    @Test
    void aShopperWithoutLocationConsentLeavesOnlyAnonymousFootfall() throws Exception {
        String zone = zone();
        String beacon = beaconIn(zone);
        String[] shopper = consentingShopper(false);
        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        long anonymousBefore = geofence.tracker().counters().anonymousSightings();
        try (ShopperApp app = new ShopperApp(shopper[0])) {
            app.standNear(beacon);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (geofence.tracker().counters().anonymousSightings() < anonymousBefore + 9 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(geofence.tracker().counters().anonymousSightings()).isEqualTo(anonymousBefore + 9);
        Thread.sleep(4_000); // longer than the silence: an exit would have come by now
        assertThat(watcher.seen()).noneMatch(e -> e.payload().contains(shopper[0]));
        assertThat(geofence.tracker().view(shopper[0])).isEmpty();
        geofence.recorder().flush();
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0]))
                .as("only the shopper record and the consent ledger name the shopper")
                .allMatch(cell -> cell.startsWith("privacy_"));
        assertThat(server.get("/api/v1/stores/" + store + "/zone-stats?zoneId=" + zone, ApiServer.ADMIN).body()).containsPattern("\"anonymousSightings\":[1-9]");
    }

    @Test
    void aScannerPlacedInAZoneThatHearsAShoppersBroadcastPutsTheShopperThere() throws Exception {
        String zone = zone();
        String[] shopper = consentingShopper(true);
        String identityKey = shopper[2];
        String device = ApiServer.field(server.post("/api/v1/stores/" + store + "/devices", ApiServer.ADMIN,
                "{\"kind\":\"scanner\",\"name\":\"Aisle scanner\",\"zoneId\":\"" + zone + "\"}").body(), "id");
        long now = System.currentTimeMillis();
        for (int i = 8; i >= 0; i--) {
            long at = now - i * 1000L;
            String eid = HexFormat.of().formatHex(EphemeralId.compute(HexFormat.of().parseHex(identityKey), 10, at / 1000));
            String adv = "0201060303AAFE0D16AAFE30E7" + eid; // Eddystone-EID, 0 m power -25 dBm
            ApiServer.publishAsScanner(store, device, "{\"ts\":" + at + ",\"sightings\":[{\"adv\":\"" + adv + "\",\"rssi\":-66}]}");
        }

        String enter = await(e -> e.contains(shopper[0]) && e.contains("\"type\":\"enter\""));
        assertThat(enter).contains("\"zoneId\":\"" + zone + "\"");
        assertThat(server.get("/api/v1/shoppers/" + shopper[0] + "/export", shopper[1]).body()).contains("\"anchorId\":\"scanner:" + device + "\"");
    }

    /** A registered shopper with or without location consent: {id, token, identity key}. */
    private String[] consentingShopper(boolean location) throws Exception {
        java.net.http.HttpResponse<String> created = server.send("POST", "/api/v1/shoppers", java.util.Optional.empty(), java.util.Optional.empty());
        String id = ApiServer.field(created.body(), "id");
        String token = ApiServer.field(created.body(), "token");
        server.send("PUT", "/api/v1/shoppers/" + id + "/consent", java.util.Optional.of(token),
                java.util.Optional.of("{\"purposes\":{\"location\":" + location + "}}"));
        return new String[] {id, token, ApiServer.field(created.body(), "identityKey")};
    }

    private String await(Predicate<String> wanted) throws InterruptedException {
        return watcher.await(seen -> wanted.test(seen.payload()), "such zone event").payload();
    }
}
