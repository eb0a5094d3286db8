package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.app.geofence.GeofenceService;
import io.nearcast.campaign.domain.Decision;
import io.nearcast.campaign.domain.Occasion;
import io.nearcast.campaign.domain.TriggerType;
import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.Observer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Erasure on the machine's PostgreSQL: after {@code DELETE /api/v1/shoppers/{id}} no text column
 * of any table in the server's schema holds the shopper id (H2: {@link ShopperApiTest}).
 */
@RequiresExternal(ExternalService.POSTGRESQL)
@Timeout(120)
class PostgresErasureTest {

    private static PostgresSchema schema;

    @RegisterExtension
    static final ApiServer server = new ApiServer(() -> {
        try {
            schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("nearcast.db-url", schema.url());
    });

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void noTableHoldsTheIdOfAnErasedShopper() throws Exception {
        String[] shopper = server.registerShopper();
        String base = "/api/v1/shoppers/" + shopper[0];
        server.send("PUT", base + "/consent", Optional.of(shopper[1]),
                Optional.of("{\"purposes\":{\"location\":true,\"personalisation\":true,\"analytics\":false}}"));
        visitAZone(shopper[0]);
        getAnOffer(shopper[0]);
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0]))
                .as("the scan finds the shopper before erasure").contains("privacy_shopper.id", "privacy_consent.shopper_id", "geofence_visit.shopper_id",
                        "campaign_offer.shopper_id", "campaign_decision.shopper_id", "campaign_journey.shopper_id", "campaign_journey_visit.shopper_id");

        HttpResponse<String> receipt = server.send("DELETE", base, Optional.of(shopper[1]), Optional.empty());

        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), shopper[0])).isEmpty();
        assertThat(server.runtime().database().check().detail()).as("the server really ran on PostgreSQL").isEqualTo("POSTGRESQL");
        assertThat(server.context().getBean(GeofenceService.class).tracker().view(shopper[0])).isEmpty();
    }

    /** A campaign of a real store decides on an enter of the shopper: an offer, a decision and a journey. */
    private static void getAnOffer(String shopperId) throws Exception {
        String store = server.createStore("Erasure campaigns");
        String zone = server.createZone(store);
        server.post("/api/v1/campaigns", ApiServer.ADMIN, "{\"name\":\"C\",\"storeId\":\"" + store + "\",\"zoneIds\":[\"" + zone + "\"],"
                + "\"trigger\":{\"type\":\"enter\"},\"variants\":[{\"title\":{\"en\":\"T\"},\"body\":{\"en\":\"B\"}}]}");
        CampaignService campaigns = server.context().getBean(CampaignService.class);
        Optional<Decision> decision = campaigns.occasions().handle(Occasion.zone(shopperId, store, zone, TriggerType.ENTER, "visit-e", Instant.now()));
        assertThat(decision.flatMap(Decision::offerId)).as("an offer was made").isPresent();
    }

    /** Nine seconds of sightings of a beacon at 1 m, as the gateway hands them on: a visit in the history. */
    private static void visitAZone(String shopperId) {
        GeofenceService geofence = server.context().getBean(GeofenceService.class);
        long now = System.currentTimeMillis();
        for (int i = 8; i >= 0; i--) {
            geofence.feed().accept(List.of(new NormalizedSighting("store-e", new Observer.Shopper(shopperId), "beacon-e",
                    new BeaconFrame.IBeacon(UUID.randomUUID(), 1, 2, -59), -60, -59, Instant.ofEpochMilli(now - i * 1000L), Optional.of("zone-e"))));
        }
        geofence.recorder().flush();
    }
}
