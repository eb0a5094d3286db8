package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.DecisionLogContract;
import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The decision log contract on H2 with the server's options, each test in an in-memory database of its own. */
class H2DecisionLogTest extends DecisionLogContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    protected DecisionLog freshLog() {
        return new JdbcDecisionLog(CampaignMigrations.migrated(database.dataSource()));
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
