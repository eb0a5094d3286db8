package io.nearcast.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.coap.CoapListener;
import io.nearcast.gateway.coap.CoapListenerSettings;
import io.nearcast.gateway.coap.CoapStartException;
import io.nearcast.gateway.domain.PskDirectory;
import io.nearcast.gateway.domain.ingest.DeviceRateLimits;
import io.nearcast.gateway.domain.ingest.IngestCounters;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.RecentMessages;
import io.nearcast.gateway.domain.ingest.ReportCheck;
import io.nearcast.gateway.domain.ingest.ScanIngest;
import io.nearcast.gateway.domain.ingest.ScannerIngest;
import io.nearcast.testing.ExternalTool;
import io.nearcast.testing.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The acceptance test of CoAP ingest with an independent DTLS stack: libcoap's
 * {@code coap-client-openssl} posts to {@code /v1/sightings} with the device's PSK identity (its
 * id) and key. The DTLS endpoint only; plain CoAP is off, as by default.
 */
@Timeout(60)
@RequiresTool(ExternalTool.COAP_CLIENT)
class LibcoapIngestTest {

    private final String store = "s-libcoap";
    private final String device = UUID.randomUUID().toString();
    private final String key = "Zq8-device-psk-" + UUID.randomUUID();
    private final Queue<NormalizedSighting> sightings = new ConcurrentLinkedQueue<>();
    private CoapListener listener;

    @BeforeEach
    void start() throws CoapStartException {
        DeviceRateLimits limits = new DeviceRateLimits(50, Duration.ofMillis(20));
        RecentMessages recent = new RecentMessages(Duration.ofMinutes(10), 1_000);
        ReportCheck check = new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), 500);
        IngestCounters counters = new IngestCounters();
        ScannerIngest scannerIngest = new ScannerIngest((s, d) -> store.equals(s) && device.equals(d), limits, recent, check,
                TestBeacons.everyIBeaconIn(store), sightings::addAll, counters);
        ScanIngest scanIngest = new ScanIngest((s, d) -> store.equals(s) && device.equals(d), limits, recent, check, scan -> { }, counters);
        CoapIngest ingest = new CoapIngest(scannerIngest, scanIngest, id -> device.equals(id) ? Optional.of(store) : Optional.empty(),
                JsonMapper.createDefault(), 64 * 1024, new SimpleMeterRegistry());
        PskDirectory psks = identity -> device.equals(identity) ? Optional.of(key.getBytes(StandardCharsets.UTF_8)) : Optional.empty();
        listener = new CoapListener(new CoapListenerSettings("127.0.0.1", 0, 0, 64 * 1024, false), psks).add(ingest.resource());
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private ExternalTool.Result post(String pskKey, String body) throws Exception {
        return ExternalTool.COAP_CLIENT.run("-m", "post", "-B", "5", "-u", device, "-k", pskKey, "-t", "json", "-e", body,
                "coaps://127.0.0.1:" + listener.dtlsPort() + "/v1/sightings");
    }

    @Test
    void aDeviceWithItsPskPostsASightingAndGets204() throws Exception {
        ExternalTool.Result result = post(key, CoapIngestTest.report(System.currentTimeMillis(), -58));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("4.");
        assertThat(sightings).singleElement().satisfies(s -> {
            assertThat(s.rssi()).isEqualTo(-58);
            assertThat(s.observer()).isEqualTo(new io.nearcast.gateway.domain.ingest.Observer.Scanner(device));
            assertThat(s.storeId()).isEqualTo(store);
        });
    }

    @Test
    void aWrongKeyFailsTheHandshakeAndNothingIsAccepted() throws Exception {
        ExternalTool.Result result = post("not-the-key", CoapIngestTest.report(System.currentTimeMillis(), -58));

        assertThat(result.output()).doesNotContain("2.04");
        assertThat(sightings).isEmpty();
    }

    @Test
    void aMalformedBodyGets400WithAReason() throws Exception {
        ExternalTool.Result result = post(key, "{\"ts\":12,\"sightings\":");

        assertThat(result.output()).contains("4.00").contains("payload-not-json");
        assertThat(sightings).isEmpty();
    }
}
