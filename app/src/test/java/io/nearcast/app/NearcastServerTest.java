package io.nearcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.app.runtime.ShutdownSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start-up failures in-process (fast); {@code NearcastJarIT} checks the same from outside the process. */
@Timeout(60)
class NearcastServerTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--nearcast.http-port=eighty            | NEARCAST_HTTP_PORT: 'eighty' is not a port number",
        "--nearcast.master-key=tooshort         | NEARCAST_MASTER_KEY: must decode to 32 bytes (AES-256), got 6",
        "--nearcast.db-url=jdbc:postgresql://127.0.0.1:1/x | NEARCAST_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/x",
        "--nearcast.mqtt-url=tcp://127.0.0.1:1   | NEARCAST_MQTT_URL: cannot connect to tcp://127.0.0.1:1: connection refused",
    })
    // the argument under test comes last: a later argument overrides an earlier one
    void stopsWithOneLineNamingTheVariableAndExitCode78(String argument, String expected) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ShutdownSignal alreadyRequested = ShutdownSignal.manual();
        alreadyRequested.request(); // a server that wrongly starts stops at once and the test fails on exit code 0

        int exitCode = NearcastServer.run(new String[] {"--nearcast.data-dir=" + dataDir, "--nearcast.http-port=0",
                "--nearcast.coap-port=0", "--nearcast.mqtt-port=0", argument}, alreadyRequested, new PrintStream(errors, true, StandardCharsets.UTF_8));

        String output = errors.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).isEqualTo(NearcastServer.EXIT_CONFIG);
        assertThat(output.lines()).hasSize(1);
        assertThat(output).startsWith("Nearcast cannot start: " + expected);
    }
}
