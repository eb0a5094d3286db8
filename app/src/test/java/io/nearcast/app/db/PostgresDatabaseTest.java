package io.nearcast.app.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.DatabaseSettings;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database contract on the machine's real PostgreSQL, each test in a schema of its own. */
@RequiresExternal(ExternalService.POSTGRESQL)
class PostgresDatabaseTest extends DatabaseContract {

    private final List<PostgresSchema> schemas = new ArrayList<>();

    @Override
    DatabaseSettings freshDatabase() throws Exception {
        PostgresSchema schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
        schemas.add(schema);
        return new DatabaseSettings(schema.url(), java.util.Optional.empty(), java.util.Optional.empty());
    }

    @AfterEach
    void dropSchemas() throws Exception {
        for (PostgresSchema schema : schemas) {
            schema.drop();
        }
    }

    @Test
    void namesTheUrlWhenThePostgresServerIsUnreachable() {
        DatabaseSettings unreachable = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/test?password=hunter2", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> new Database(unreachable, MODULES, Duration.ofSeconds(2)).start())
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("NEARCAST_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/test?password=***")
                .hasMessageNotContaining("hunter2");
    }
}
