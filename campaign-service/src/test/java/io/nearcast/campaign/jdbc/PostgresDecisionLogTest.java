package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.DecisionLogContract;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The decision log contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresDecisionLogTest extends DecisionLogContract {

    private PostgresSchema schema;

    @Override
    protected DecisionLog freshLog() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return new JdbcDecisionLog(CampaignMigrations.migrated(schema.dataSource()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
