package io.nearcast.app.db;

import io.nearcast.app.config.DatabaseSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The database contract on H2, as the embedded default configures it. */
class H2DatabaseTest extends DatabaseContract {

    @TempDir
    Path dataDir;

    private int databases;

    @Override
    DatabaseSettings freshDatabase() {
        String url = "jdbc:h2:file:" + dataDir.resolve("db" + databases++) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new DatabaseSettings(url, Optional.empty(), Optional.empty());
    }
}
