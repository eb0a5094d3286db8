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
 * tables.
 */
public record PostgresSchema(String baseUrl, String name) implements AutoCloseable {

    public static PostgresSchema create(String baseUrl) throws SQLException {
        PostgresSchema schema = new PostgresSchema(baseUrl, "nc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** A JDBC URL whose connections see only this schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Connections that see only this schema. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url());
        return dataSource;
    }

    /** Drops the schema and everything in it (the same as {@link #close()}). */
    public void drop() throws SQLException {
        close();
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
