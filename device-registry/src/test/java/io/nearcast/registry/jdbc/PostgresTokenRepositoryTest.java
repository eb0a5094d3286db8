package io.nearcast.registry.jdbc;

import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The token repository contract on the machine's real PostgreSQL, each test in a schema of its own that is dropped afterwards. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresTokenRepositoryTest extends TokenRepositoryContract {

    private PostgresSchema schema;

    @Override
    DataSource freshDataSource() throws SQLException {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        return RegistryMigrations.migrated(schema.dataSource());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
