package io.nearcast.app.db;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.kernel.domain.MasterKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Guards against opening a database with another master key than the one its secrets were
 * sealed with: the first start records the key's check value, every later start compares.
 */
public final class MasterKeyCheck {

    static final String ENTRY = "master-key-check";

    private MasterKeyCheck() {
    }

    /**
     * @throws ConfigurationError naming {@code NEARCAST_MASTER_KEY} when the key differs from the recorded one
     */
    public static void verify(DataSource dataSource, MasterKey key) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> recorded = recorded(connection);
            if (recorded.isEmpty()) {
                record(connection, key.checkValue());
            } else if (!recorded.get().equals(key.checkValue())) {
                throw new ConfigurationError(Setting.MASTER_KEY,
                        "differs from the key this database's secrets were encrypted with; start with the original key");
            }
        } catch (SQLException e) {
            throw new ConfigurationError(Setting.DB_URL, "cannot read installation facts: " + Database.firstLine(e.getMessage()), e);
        }
    }

    private static Optional<String> recorded(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT meta_value FROM nearcast_meta WHERE meta_key = ?")) {
            select.setString(1, ENTRY);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static void record(Connection connection, String checkValue) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO nearcast_meta (meta_key, meta_value, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, ENTRY);
            insert.setString(2, checkValue);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
