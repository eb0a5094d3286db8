package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each bad setting stops the packaged server with exactly one line on standard error that names
 * the variable and the problem, no stack trace, and exit code 78 (EX_CONFIG).
 */
@Timeout(120)
class BadConfigurationIT {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "NEARCAST_HTTP_PORT   | eighty                           | NEARCAST_HTTP_PORT: 'eighty' is not a port number",
        "NEARCAST_COAP_PORT   | 70000                            | NEARCAST_COAP_PORT: '70000' is not a port number",
        "NEARCAST_MASTER_KEY  | c2hvcnQ=                         | NEARCAST_MASTER_KEY: must decode to 32 bytes (AES-256), got 5",
        "NEARCAST_MASTER_KEY  | not*base64                       | NEARCAST_MASTER_KEY: not valid base64",
        "NEARCAST_DB_URL      | jdbc:postgresql://127.0.0.1:1/x  | NEARCAST_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/x",
        "NEARCAST_DB_URL      | jdbc:nosuchdb:foo                | NEARCAST_DB_URL: ",
        "NEARCAST_MQTT_URL    | tcp://127.0.0.1:1                | NEARCAST_MQTT_URL: cannot connect to tcp://127.0.0.1:1: connection refused",
        "NEARCAST_MQTT_URL    | mqtt:/nohost                     | NEARCAST_MQTT_URL: 'mqtt:/nohost' is not a broker URL",
        "NEARCAST_SHUTDOWN_GRACE | soon                           | NEARCAST_SHUTDOWN_GRACE: 'soon' is not a duration",
    })
    void stopsWithOneLineNamingTheVariable(String variable, String value, String expectedStart) throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put(variable, value);

        try (ServerProcess server = ServerProcess.start(env)) {
            int exitCode = server.awaitExit();
            List<String> errors = server.errorLines();

            assertThat(exitCode).isEqualTo(78);
            assertThat(errors).as("standard error").hasSize(1);
            assertThat(errors.get(0)).startsWith("Nearcast cannot start: " + expectedStart);
            assertThat(server.outputLines()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
    }
}
