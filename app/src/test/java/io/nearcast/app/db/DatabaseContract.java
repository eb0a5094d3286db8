package io.nearcast.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.DatabaseSettings;
import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.persistence.SchemaModule;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every database Nearcast supports must do; run against H2 and PostgreSQL. Implementations
 * hand out a fresh, empty database (or schema) per test.
 */
@Timeout(60)
abstract class DatabaseContract {

    static final List<SchemaModule> MODULES = List.of(new SchemaModule("core", "db/core"));

    /** A fresh, empty database for one test. */
    abstract DatabaseSettings freshDatabase() throws Exception;

    private Database open(DatabaseSettings settings) {
        Database database = new Database(settings, MODULES, Duration.ofSeconds(10));
        database.start();
        return database;
    }

    @Test
    void migratesAnEmptyDatabaseAndLeavesAMigratedOneAsItIs() throws Exception {
        DatabaseSettings settings = freshDatabase();
        open(settings).close();

        Database again = open(settings);
        try (Connection connection = again.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM schema_history_core WHERE version = '1' AND success = TRUE")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        } finally {
            again.close();
        }
    }

    @Test
    void recordsTheMasterKeyAndRefusesAnotherOneLater() throws Exception {
        DatabaseSettings settings = freshDatabase();
        MasterKey original = MasterKey.generate(new SecureRandom());
        Database database = open(settings);
        try {
            MasterKeyCheck.verify(database.dataSource(), original);
            MasterKeyCheck.verify(database.dataSource(), MasterKey.fromBase64(original.toBase64()));

            assertThatThrownBy(() -> MasterKeyCheck.verify(database.dataSource(), MasterKey.generate(new SecureRandom())))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("NEARCAST_MASTER_KEY: differs from the key");
        } finally {
            database.close();
        }
    }

    @Test
    void isUpWhileOpenAndDownOnceClosed() throws Exception {
        Database database = open(freshDatabase());

        assertThat(database.check().isUp()).isTrue();
        database.close();
        assertThat(database.check().isUp()).isFalse();
    }
}
