package io.nearcast.geofence.jdbc;

import io.nearcast.testing.H2MemoryDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The geofence repositories' contract on H2 with the server's options, each test in an in-memory database of its own. */
class H2GeofenceRepositoriesTest extends GeofenceRepositoriesContract {

    private final H2MemoryDatabase database = new H2MemoryDatabase();

    @Override
    DataSource freshDataSource() {
        return GeofenceMigrations.migrated(database.dataSource());
    }

    @AfterEach
    void shutDownDatabase() throws SQLException {
        database.close();
    }
}
