package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with {@code NEARCAST_MQTT_URL} on the machine's Mosquitto instead of the embedded broker. */
@RequiresExternal(ExternalService.MOSQUITTO)
@Timeout(120)
class MosquittoServerIT {

    @TempDir
    Path dataDir;

    @Test
    void usesTheExternalBrokerAndStartsNoEmbeddedOne() throws Exception {
        String mosquitto = ExternalService.MOSQUITTO.requireUrl();
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put("NEARCAST_MQTT_URL", mosquitto);

        try (ServerProcess server = ServerProcess.start(env)) {
            ServerProcess.Ports ports = server.awaitReady();
            assertThat(ports.mqtt()).isEqualTo("external");

            HttpResponse<String> health = ServerProcess.get(ports.http(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"mqtt\":{\"status\":\"UP\",\"detail\":\"connected to " + mosquitto + "\"}");

            assertThat(server.terminate()).isZero();
            assertThat(server.outputLines()).noneMatch(line -> line.contains("Embedded MQTT broker"));
        }
    }
}
