package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.CampaignStats;
import io.nearcast.campaign.domain.CampaignStatsContract;
import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The campaign statistics contract on H2 with the server's options, each test in an in-memory database of its own. */
class H2CampaignStatsTest extends CampaignStatsContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    protected CampaignStats freshStats() {
        return new JdbcCampaignStats(CampaignMigrations.migrated(database.dataSource()));
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
