package io.nearcast.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry's migrations on every database Nearcast supports, run the way the server runs
 * them: after other modules have put their tables in the same schema, and again on each start.
 */
@Timeout(60)
abstract class RegistrySchemaContract {

    /** A fresh, empty database (or schema) for one test. */
    abstract DataSource freshEmptyDataSource() throws Exception;

    @Test
    void migratesASchemaThatAlreadyHoldsAnotherModulesTables() throws Exception {
        DataSource dataSource = freshEmptyDataSource();
        execute(dataSource, "CREATE TABLE other_module_table (id INT PRIMARY KEY)");

        int applied = RegistryMigrations.apply(dataSource);

        assertThat(applied).isPositive();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM schema_history_registry WHERE success = TRUE AND type = 'SQL'")).isEqualTo(applied);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM registry_store")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM registry_zone")).isZero();
    }

    @Test
    void leavesAMigratedSchemaAsItIs() throws Exception {
        DataSource dataSource = freshEmptyDataSource();
        RegistryMigrations.apply(dataSource);

        assertThat(RegistryMigrations.apply(dataSource)).isZero();
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
