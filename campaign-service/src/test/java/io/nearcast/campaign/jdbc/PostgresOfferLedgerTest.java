package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.OfferLedger;
import io.nearcast.campaign.domain.OfferLedgerContract;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The offer ledger contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresOfferLedgerTest extends OfferLedgerContract {

    private PostgresSchema schema;

    @Override
    protected OfferLedger freshLedger() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return new JdbcOfferLedger(CampaignMigrations.migrated(schema.dataSource()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
