package io.nearcast.campaign.jdbc;

import static io.nearcast.campaign.domain.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.CampaignDefinition;
import io.nearcast.campaign.domain.CampaignRepository;
import io.nearcast.campaign.domain.CampaignRepositoryContract;
import io.nearcast.campaign.domain.Samples;
import io.nearcast.testing.H2MemoryDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign repository contract on H2 with the server's options, each test in an in-memory
 * database of its own; and what only the JDBC repository does: the definition as JSON text, and
 * refusing a campaign that would not read back from it.
 */
class H2CampaignRepositoryTest extends CampaignRepositoryContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();
    private DataSource dataSource;

    @Override
    protected CampaignRepository freshRepository() {
        dataSource = CampaignMigrations.migrated(database.dataSource());
        return new JdbcCampaignRepository(dataSource);
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }

    @Test
    void theDefinitionIsStoredAsTheCampaignsJsonForm() throws Exception {
        Campaign campaign = Samples.richDwellCampaign("cmp-1", "store-1", T0, 3);
        new JdbcCampaignRepository(dataSource).insert(campaign);

        try (Connection connection = dataSource.getConnection();
             Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT definition, store_id, name, status, priority, version FROM campaign")) {
            assertThat(row.next()).isTrue();
            Map<?, ?> stored = new ObjectMapper().readValue(row.getString("definition"), Map.class);
            Map<?, ?> expected = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(CampaignDefinition.write(campaign)), Map.class);
            assertThat(stored).isEqualTo(expected);
            assertThat(row.getString("store_id")).isEqualTo("store-1");
            assertThat(row.getString("name")).isEqualTo("Winter wine tasting");
            assertThat(row.getString("status")).isEqualTo("active");
            assertThat(row.getInt("priority")).isEqualTo(7);
            assertThat(row.getLong("version")).isEqualTo(3);
        }
    }

    @Test
    void aCampaignThatWouldNotReadBackFromItsJsonFormIsRefused() {
        JdbcCampaignRepository campaigns = new JdbcCampaignRepository(dataSource);
        Campaign dwell = Samples.richDwellCampaign("cmp-1", "store-1", T0, 1);
        Campaign dwellWithProducts = new Campaign(dwell.id(), dwell.storeId(), dwell.name(), dwell.status(), dwell.zoneIds(),
                Samples.scanCampaign("x", "store-1", T0, 1).gtins(), dwell.trigger(), dwell.schedule(), dwell.audience(), dwell.context(),
                dwell.variants(), dwell.caps(), dwell.budget(), dwell.priority(), dwell.offerValidity(), dwell.createdAt(), dwell.version());
        Campaign secondsOfValidity = new Campaign("cmp-2", dwell.storeId(), dwell.name(), dwell.status(), Set.of(), Set.of(), dwell.trigger(),
                dwell.schedule(), dwell.audience(), dwell.context(), dwell.variants(), dwell.caps(), dwell.budget(), dwell.priority(),
                Duration.ofSeconds(90), dwell.createdAt(), dwell.version());

        assertThatThrownBy(() -> campaigns.insert(dwellWithProducts)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gtins");
        assertThatThrownBy(() -> campaigns.insert(secondsOfValidity)).isInstanceOf(IllegalArgumentException.class);
        campaigns.insert(dwell);
        assertThatThrownBy(() -> campaigns.replace(dwellWithProducts, 1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(campaigns.all()).containsExactly(dwell);
    }
}
