package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar from outside: ready line, health, SIGTERM, restart, a data dir in use. */
@Timeout(240)
class ServerLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void startsReportsHealthStopsOnSigtermAndRestartsOnTheSameDataDir() throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put("NEARCAST_COAP_PLAIN", "true");

        try (ServerProcess first = ServerProcess.start(env)) {
            ServerProcess.Ports ports = first.awaitReady();
            assertThat(ports.http()).isPositive();
            assertThat(ports.mqtt()).matches("\\d+");
            assertThat(ports.coap()).as("plain CoAP, asked for").matches("\\d+");
            assertThat(ports.coaps()).isNotEqualTo(Integer.parseInt(ports.coap()));

            HttpResponse<String> health = ServerProcess.get(ports.http(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            assertThat(first.terminate()).isZero();
            assertThat(first.outputLines()).anyMatch(line -> line.contains("Nearcast stopped"));
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("master-key")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        String token = Files.readString(dataDir.resolve("admin-token"));

        try (ServerProcess second = ServerProcess.start(env)) {
            ServerProcess.Ports ports = second.awaitReady();
            assertThat(ServerProcess.get(ports.http(), "/health").statusCode()).isEqualTo(200);
            assertThat(second.terminate()).isZero();
        }
        assertThat(Files.readString(dataDir.resolve("admin-token"))).as("the admin token survives a restart").isEqualTo(token);
    }

    @Test
    void aSecondServerOnADataDirInUseStopsWithOneLine() throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        try (ServerProcess first = ServerProcess.start(env)) {
            first.awaitReady();

            try (ServerProcess second = ServerProcess.start(env)) {
                assertThat(second.awaitExit()).isNotZero();
                assertThat(second.errorLines()).singleElement().asString()
                        .startsWith("Nearcast cannot start: NEARCAST_DATA_DIR:")
                        .contains("in use");
            }
            assertThat(first.terminate()).isZero();
        }
    }
}
