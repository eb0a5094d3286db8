package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.testing.ExternalService;
import io.nearcast.testing.PostgresSchema;
import io.nearcast.testing.RequiresExternal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with {@code NEARCAST_DB_URL} on the machine's PostgreSQL: migrates, runs, restarts. */
@RequiresExternal(ExternalService.POSTGRESQL)
@Timeout(240)
class PostgresServerIT {

    @TempDir
    Path dataDir;

    private PostgresSchema schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = PostgresSchema.create(ExternalService.POSTGRESQL.requireUrl());
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.drop();
    }

    @Test
    void migratesPostgresAndUsesItAcrossARestart() throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put("NEARCAST_DB_URL", schema.url());

        for (int run = 1; run <= 2; run++) {
            try (ServerProcess server = ServerProcess.start(env)) {
                ServerProcess.Ports ports = server.awaitReady();
                HttpResponse<String> health = ServerProcess.get(ports.http(), "/health");
                assertThat(health.statusCode()).as("health on run %d", run).isEqualTo(200);
                assertThat(health.body()).contains("\"database\":{\"status\":\"UP\",\"detail\":\"POSTGRESQL\"");
                assertThat(server.terminate()).isZero();
            }
        }

        try (Connection connection = DriverManager.getConnection(schema.url());
             Statement statement = connection.createStatement()) {
            ResultSet history = statement.executeQuery("SELECT count(*) FROM schema_history_core WHERE success");
            history.next();
            assertThat(history.getInt(1)).as("core migrations applied once").isPositive();
            ResultSet meta = statement.executeQuery("SELECT count(*) FROM nearcast_meta");
            meta.next();
            assertThat(meta.getInt(1)).as("installation facts written to PostgreSQL").isPositive();
        }
    }
}
