package io.nearcast.privacy.jdbc;

import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The privacy repositories' contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresPrivacyRepositoriesTest extends PrivacyRepositoriesContract {

    private PostgresSchema schema;

    @Override
    DataSource freshDataSource() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return PrivacyMigrations.migrated(schema.dataSource());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
