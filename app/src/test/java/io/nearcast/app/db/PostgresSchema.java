package io.nearcast.app.db;

import io.nearcast.app.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/** A throw-away schema in the shared PostgreSQL test database, so tests never see each other's tables. */
public record PostgresSchema(String baseUrl, String name) {

    public static PostgresSchema create(String baseUrl) throws SQLException {
        PostgresSchema schema = new PostgresSchema(baseUrl, "nc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** Settings whose connections use only this schema. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(url(), Optional.empty(), Optional.empty());
    }

    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public void drop() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
