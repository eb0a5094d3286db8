package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.Journeys;
import io.nearcast.campaign.domain.JourneysContract;
import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The journeys contract on H2 with the server's options, each test in an in-memory database of its own. */
class H2JourneysTest extends JourneysContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    protected Journeys freshJourneys() {
        return new JdbcJourneys(CampaignMigrations.migrated(database.dataSource()));
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
