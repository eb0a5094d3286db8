package io.nearcast.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away schema in the shared PostgreSQL test database, so tests never see each other's
 * tables (the same idea as {@code app}'s test helper of this name).
 */
public record PostgresSchema(String baseUrl, String name) implements AutoCloseable {

    public static PostgresSchema create(String baseUrl) throws SQLException {
        PostgresSchema schema = new PostgresSchema(baseUrl, "nc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** Connections that see only this schema. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name);
        return dataSource;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
