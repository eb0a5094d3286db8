package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.CampaignRepository;
import io.nearcast.campaign.domain.CampaignRepositoryContract;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The campaign repository contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresCampaignRepositoryTest extends CampaignRepositoryContract {

    private PostgresSchema schema;

    @Override
    protected CampaignRepository freshRepository() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return new JdbcCampaignRepository(CampaignMigrations.migrated(schema.dataSource()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
