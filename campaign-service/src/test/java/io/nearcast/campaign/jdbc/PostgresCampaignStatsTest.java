package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.CampaignStats;
import io.nearcast.campaign.domain.CampaignStatsContract;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The campaign statistics contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresCampaignStatsTest extends CampaignStatsContract {

    private PostgresSchema schema;

    @Override
    protected CampaignStats freshStats() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return new JdbcCampaignStats(CampaignMigrations.migrated(schema.dataSource()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
