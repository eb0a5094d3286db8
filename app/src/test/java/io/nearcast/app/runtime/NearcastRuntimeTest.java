package io.nearcast.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's parts started in one JVM. The broker is the test JVM's shared embedded broker,
 * reached as an external one (HiveMQ allows one instance per JVM); the jar-level tests cover the
 * server starting its own embedded broker.
 */
@Timeout(90)
class NearcastRuntimeTest {

    @TempDir
    Path dataDir;

    private ApplicationContext context;
    private NearcastRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        TestBroker broker = TestBroker.get();
        context = ApplicationContext.builder().properties(Map.of(
                "nearcast.http-port", "0",
                "nearcast.coap-port", "0",
                "nearcast.data-dir", dataDir.toString(),
                "nearcast.mqtt-url", broker.url(),
                "nearcast.mqtt-username", ServiceAccount.USERNAME,
                "nearcast.mqtt-password", new String(broker.serviceAccount().password(), StandardCharsets.US_ASCII))).start();
        runtime = context.getBean(NearcastRuntime.class);
    }

    @AfterEach
    void stop() {
        runtime.stop();
        context.close();
    }

    @Test
    void listensOnFreePortsAndReportsThemInTheReadyLine() {
        ReadyLine ready = runtime.start();

        assertThat(ready.toString()).as("plain CoAP is off unless configured")
                .matches("Nearcast ready http=\\d+ mqtt=external coap=off coaps=\\d+");
        assertThat(ready.http()).isPositive();
        assertThat(ready.coap()).isEmpty();
    }

    @Test
    void healthIsUpWithEveryComponent() throws Exception {
        ReadyLine ready = runtime.start();

        HttpResponse<String> response = getHealth(ready.http());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":\"UP\"").contains("\"database\"", "\"mqtt\"", "\"coap\"");
    }

    @Test
    void healthIsDownWith503WhenTheDatabaseIsGone() throws Exception {
        ReadyLine ready = runtime.start();

        runtime.database().close();
        HttpResponse<String> response = getHealth(ready.http());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("{\"status\":\"DOWN\"").contains("\"database\":{\"status\":\"DOWN\"");
    }

    @Test
    void releasesItsPortsWhenStopped() throws Exception {
        ReadyLine ready = runtime.start();

        runtime.stop();

        try (ServerSocket again = new ServerSocket(ready.http())) {
            assertThat(again.getLocalPort()).isEqualTo(ready.http());
        }
        assertThat(runtime.health().components()).isEmpty();
    }

    @Test
    void shutdownLetsARequestInFlightFinishAndThenRefusesNewConnections() throws Exception {
        SlowTestController.reset();
        ReadyLine ready = runtime.start();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ready.http() + "/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(SlowTestController.entered.await(10, TimeUnit.SECONDS)).as("request reached the controller").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(runtime::stop);
        Thread.sleep(300);
        assertThat(stopping).as("shutdown waits for the request in flight").isNotDone();
        SlowTestController.release.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThatThrownBy(() -> getHealth(ready.http())).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> getHealth(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
