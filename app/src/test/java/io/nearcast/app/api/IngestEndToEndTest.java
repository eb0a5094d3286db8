package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway wired into the server: a device registered through the API sends sightings over
 * MQTT and over CoAP/DTLS with the PSK the registry issued (its id is the PSK identity, its store
 * comes from the registry), sends a tag scan, sends garbage, is disabled; {@code GET /metrics}
 * shows each of these in the Prometheus counters and the handling-time histograms.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestEndToEndTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static String store;
    private static String device;
    private static String pskKey;

    @BeforeAll
    static void registerADevice() throws Exception {
        store = server.createStore("Ingest store");
        HttpResponse<String> created = server.post("/api/v1/stores/" + store + "/devices", ApiServer.ADMIN, ApiServer.SCANNER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        device = ApiServer.field(created.body(), "id");
        pskKey = ApiServer.field(created.body(), "pskKey");
        HttpResponse<String> beacon = server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN,
                "{\"kind\":\"ibeacon\",\"uuid\":\"e2c56db5-dffb-48d2-b060-d0f5a71096e0\",\"major\":1,\"minor\":2,\"txPower\":-61}");
        assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(201);
        eidBeacon = server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN, "{\"kind\":\"eddystone-eid\",\"identityKey\":\"" + EID_KEY
                + "\",\"rotationExponent\":10,\"beaconTime\":" + BEACON_TIME + "}");
        assertThat(eidBeacon.statusCode()).as(eidBeacon.body()).isEqualTo(201);
        eidRegisteredAt = System.currentTimeMillis() / 1000;
    }

    private static final String EID_KEY = "e2b1f48c5a7d69e0b3c4d5e6f7081920";
    private static final long BEACON_TIME = 77_000;
    private static HttpResponse<String> eidBeacon;
    private static long eidRegisteredAt;

    /** The advertisement an Eddystone-EID beacon with {@link #EID_KEY} sends now, by its own clock. */
    private static String eidAdvertisement() {
        long beaconTime = BEACON_TIME + (System.currentTimeMillis() / 1000 - eidRegisteredAt);
        byte[] eid = io.nearcast.kernel.domain.EphemeralId.compute(java.util.HexFormat.of().parseHex(EID_KEY), 10, beaconTime);
        return "0201060303AAFE0D16AAFE30EE" + java.util.HexFormat.of().withUpperCase().formatHex(eid);
    }

    @Test
    @Order(1)
    void sightingsScansAndGarbageOnBothTransportsShowInTheMetrics() throws Exception {
        long now = System.currentTimeMillis();
        ApiServer.publishAsScanner(store, device, report(now, -60));
        awaitMetric("nearcast_ingest_sightings_accepted_total", 1);

        assertThat(postOverDtls(pskKey, "/v1/sightings", report(now, -61)).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(postOverDtls(pskKey, "/v1/scans", "{\"ts\":" + now + ",\"url\":\"https://nearcast.example/t/1?cmac=94EED9EE65337086\"}").getCode())
                .isEqualTo(ResponseCode.CHANGED);
        CoapResponse garbage = postOverDtls(pskKey, "/v1/sightings", "{\"ts\":");
        assertThat(garbage.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(garbage.getResponseText()).contains("payload-not-json");

        // an Eddystone-EID beacon of the store, heard by the scanner: resolved at the beacon's own clock
        String eidReport = "{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + eidAdvertisement() + "\",\"rssi\":-70},"
                + "{\"adv\":\"0201060303AAFE0D16AAFE30EE0011223344556677\",\"rssi\":-71}]}";
        assertThat(postOverDtls(pskKey, "/v1/sightings", eidReport).getCode()).isEqualTo(ResponseCode.CHANGED);

        String metrics = metrics();
        assertThat(value(metrics, "nearcast_ingest_sightings_accepted_total")).isEqualTo(3);
        assertThat(value(metrics, "nearcast_ingest_beacons_unknown_total")).as("an EID no beacon of the store broadcast").isEqualTo(1);
        assertThat(value(metrics, "nearcast_ingest_scans_accepted_total")).isEqualTo(1);
        assertThat(value(metrics, "nearcast_ingest_messages_total")).isEqualTo(5);
        assertThat(metrics).containsPattern("nearcast_ingest_rejected_total\\{reason=\"payload-not-json\",service=\"nearcast\"} 1\\.0");
        assertThat(value(metrics, "nearcast_ingest_handling_seconds_count{service=\"nearcast\",transport=\"coap\"}")).isEqualTo(4);
        assertThat(value(metrics, "nearcast_ingest_handling_seconds_count{service=\"nearcast\",transport=\"mqtt\"}")).isEqualTo(1);
        assertThat(metrics).contains("nearcast_ingest_queue{").contains("jvm_memory_used_bytes");
        assertThat(metrics).as("no device or store id in the metrics").doesNotContain(device).doesNotContain(store);
    }

    @Test
    @Order(2)
    void tlmFramesUpdateTheBeaconsTelemetryInTheRegistry() throws Exception {
        HttpResponse<String> uid = server.post("/api/v1/stores/" + store + "/beacons", ApiServer.ADMIN,
                "{\"kind\":\"eddystone-uid\",\"namespace\":\"edd1ebeac04e5defa017\",\"instance\":\"0bdb87539b67\"}");
        assertThat(uid.statusCode()).as(uid.body()).isEqualTo(201);
        String beaconId = ApiServer.field(uid.body(), "id");
        long now = System.currentTimeMillis();
        String uidFrame = "0201060303AAFE1716AAFE00EEEDD1EBEAC04E5DEFA0170BDB87539B670000";
        String tlmFrame = "0201060303AAFE1116AAFE20000B86158000000" + "3E800001388"; // 2950 mV, 21.5 °C
        String report = "{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + uidFrame + "\",\"rssi\":-66,\"addr\":\"c3:00:00:0a:1b:2c\"},"
                + "{\"adv\":\"" + tlmFrame + "\",\"rssi\":-66,\"addr\":\"C3:00:00:0A:1B:2C\"}]}";

        CoapResponse response = postOverDtls(pskKey, "/v1/sightings", report);

        assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        String beacon = server.get("/api/v1/stores/" + store + "/beacons/" + beaconId, ApiServer.ADMIN).body();
        assertThat(beacon).contains("\"batteryMillivolts\":2950").contains("\"temperatureCelsius\":21.5").contains("\"lastSeen\":");
        assertThat(value(metrics(), "nearcast_ingest_telemetry_written_total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(3)
    void aWrongOrDisabledDevicesKeyFailsTheHandshake() throws Exception {
        HttpResponse<String> other = server.post("/api/v1/stores/" + store + "/devices", ApiServer.ADMIN, ApiServer.SCANNER);
        String otherId = ApiServer.field(other.body(), "id");
        String otherKey = ApiServer.field(other.body(), "pskKey");
        assertThat(postOverDtls(otherId, otherKey, "/v1/sightings", report(System.currentTimeMillis(), -50))).isPresent();

        assertThat(postOverDtls(otherId, pskKey, "/v1/sightings", report(System.currentTimeMillis(), -51))).as("another device's key").isEmpty();
        HttpResponse<String> disabled = server.send("PATCH", "/api/v1/stores/" + store + "/devices/" + otherId, Optional.of(ApiServer.ADMIN),
                Optional.of("{\"enabled\":false}"));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(postOverDtls(otherId, otherKey, "/v1/sightings", report(System.currentTimeMillis(), -52))).as("disabled").isEmpty();
    }

    private static String report(long ts, int rssi) {
        return "{\"ts\":" + ts + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":" + rssi + "}]}";
    }


    private static CoapResponse postOverDtls(String key, String path, String body) throws Exception {
        return postOverDtls(device, key, path, body).orElseThrow(() -> new AssertionError("no answer over DTLS"));
    }

    /** A Californium DTLS client with the device's PSK; empty if the handshake failed or nothing came back. */
    private static Optional<CoapResponse> postOverDtls(String identity, String key, String path, String body) throws Exception {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8));
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConnector(new DTLSConnector(dtls)).setConfiguration(config).build();
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + server.ready().coaps() + path);
        client.setEndpoint(endpoint);
        client.setTimeout(4_000L);
        try {
            return Optional.ofNullable(client.post(body, MediaTypeRegistry.APPLICATION_JSON));
        } catch (ConnectorException | java.io.IOException handshakeFailed) {
            return Optional.empty();
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = server.get("/metrics", ApiServer.ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** The value of a series given by name (first match, any labels) or by name with its labels. */
    static long value(String metrics, String series) {
        String name = Pattern.quote(series) + (series.contains("{") ? "" : "(?:\\{[^}]*})?");
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Math.round(Double.parseDouble(m.group(1))) : -1;
    }

    private static void awaitMetric(String series, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (value(metrics(), series) < atLeast) {
            assertThat(System.nanoTime()).as(series + " did not reach " + atLeast).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
