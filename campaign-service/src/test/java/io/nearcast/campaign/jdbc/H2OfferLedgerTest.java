package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.OfferLedger;
import io.nearcast.campaign.domain.OfferLedgerContract;
import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The offer ledger contract on H2 with the server's options, each test in an in-memory database of its own. */
class H2OfferLedgerTest extends OfferLedgerContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    protected OfferLedger freshLedger() {
        return new JdbcOfferLedger(CampaignMigrations.migrated(database.dataSource()));
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
