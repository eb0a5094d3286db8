package io.nearcast.registry.jdbc;

import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The audit log contract on H2 with the server's options (PostgreSQL mode), each test in an in-memory database of its own. */
class H2AuditLogTest extends AuditLogContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    DataSource freshDataSource() {
        return RegistryMigrations.migrated(database.dataSource());
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
