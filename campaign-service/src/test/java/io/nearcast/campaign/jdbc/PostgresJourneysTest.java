package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.Journeys;
import io.nearcast.campaign.domain.JourneysContract;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The journeys contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresJourneysTest extends JourneysContract {

    private PostgresSchema schema;

    @Override
    protected Journeys freshJourneys() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return new JdbcJourneys(CampaignMigrations.migrated(schema.dataSource()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
