package io.nearcast.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.nearcast.app.api.LogCapture;
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
import io.nearcast.gateway.domain.ingest.TapScan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CoAP resources on a real Californium server and client (plain CoAP, enabled here, with the
 * device named by {@code ?device=}; DTLS with a real client is {@link LibcoapIngestTest}): every
 * body, good or garbage, gets its CONTRACT §4 code and a diagnostic that names the reason, and
 * nothing reaches the log as a warning or an exception.
 */
@Timeout(60)
class CoapIngestTest {

    static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";
    private static final int MAX_BYTES = 4096;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final String store = "s-coap";
    private final String device = UUID.randomUUID().toString();
    private final Queue<NormalizedSighting> sightings = new ConcurrentLinkedQueue<>();
    private final Queue<TapScan> scans = new ConcurrentLinkedQueue<>();
    private final IngestCounters counters = new IngestCounters();
    private CoapListener listener;

    @BeforeEach
    void start() throws CoapStartException {
        DeviceRateLimits limits = new DeviceRateLimits(20, Duration.ofMinutes(1));
        RecentMessages recent = new RecentMessages(Duration.ofMinutes(10), 1_000);
        ReportCheck check = new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), 500);
        ScannerIngest scannerIngest = new ScannerIngest((s, d) -> store.equals(s) && device.equals(d), limits, recent, check,
                TestBeacons.everyIBeaconIn(store), sightings::addAll, counters);
        ScanIngest scanIngest = new ScanIngest((s, d) -> store.equals(s) && device.equals(d), limits, recent, check, scans::add, counters);
        CoapIngest ingest = new CoapIngest(scannerIngest, scanIngest, id -> device.equals(id) ? Optional.of(store) : Optional.empty(),
                JsonMapper.createDefault(), MAX_BYTES, new SimpleMeterRegistry());
        listener = new CoapListener(new CoapListenerSettings("127.0.0.1", 0, 0, MAX_BYTES, true), PskDirectory.none()).add(ingest.resource());
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
        assertThat(logs.problems()).as("bad input is answered, never logged as a problem").isEmpty();
    }

    private CoapResponse post(String path, String query, byte[] body, int format) throws Exception {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + listener.udpPort().getAsInt() + path + (query == null ? "" : "?" + query));
        try {
            client.setTimeout(5_000L);
            CoapResponse response = client.post(body, format);
            assertThat(response).as("an answer to " + path).isNotNull();
            return response;
        } finally {
            client.shutdown();
        }
    }

    private CoapResponse postSightings(String body) throws Exception {
        return post("/v1/sightings", "device=" + device, body.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON);
    }

    static String report(long ts, int rssi) {
        return "{\"ts\":" + ts + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":" + rssi + "}]}";
    }

    @Test
    void acceptsAJsonReportWith204AndHandsItOnOnce() throws Exception {
        String body = report(System.currentTimeMillis(), -61);

        assertThat(postSightings(body).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(postSightings(body).getCode()).as("a repeat is answered like the original").isEqualTo(ResponseCode.CHANGED);

        assertThat(sightings).hasSize(1);
        assertThat(sightings.peek().rssi()).isEqualTo(-61);
        assertThat(sightings.peek().observer()).isEqualTo(new io.nearcast.gateway.domain.ingest.Observer.Scanner(device));
        assertThat(counters.duplicates()).isEqualTo(1);
    }

    @Test
    void acceptsTheSameReportAsCborWithTheAdvertisementAsBytes() throws Exception {
        long ts = System.currentTimeMillis();
        byte[] cbor = new Cbor().map(2)
                .text("ts").uint(ts)
                .text("sightings").array(1).map(2).text("adv").bytes(HexFormat.of().parseHex(IBEACON)).text("rssi").negative(-70)
                .toBytes();

        CoapResponse response = post("/v1/sightings", "device=" + device, cbor, MediaTypeRegistry.APPLICATION_CBOR);

        assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        assertThat(sightings).singleElement().satisfies(s -> {
            assertThat(s.rssi()).isEqualTo(-70);
            assertThat(s.seenAt().toEpochMilli()).isEqualTo(ts);
        });
    }

    @Test
    void answersGarbageWithItsCodeAndAReasonNamingTheProblem() throws Exception {
        long now = System.currentTimeMillis();
        expect(postSightings("this is not json"), ResponseCode.BAD_REQUEST, "payload-not-json");
        expect(postSightings(""), ResponseCode.BAD_REQUEST, "payload-not-json");
        expect(postSightings("null"), ResponseCode.BAD_REQUEST, "payload-schema");
        expect(postSightings("[1,2]"), ResponseCode.BAD_REQUEST, "payload-schema");
        expect(postSightings("{\"ts\":\"yesterday\",\"sightings\":[]}"), ResponseCode.BAD_REQUEST, "payload-schema").contains("'ts'");
        expect(postSightings("{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":\"loud\"}]}"),
                ResponseCode.BAD_REQUEST, "payload-schema").contains("'sightings[0].rssi'");
        expect(postSightings("{\"ts\":" + now + ",\"sightings\":[]}"), ResponseCode.BAD_REQUEST, "sightings-missing");
        expect(postSightings("{\"sightings\":[]}"), ResponseCode.BAD_REQUEST, "ts-missing");
        expect(postSightings(report(now + 3_600_000, -50)), ResponseCode.BAD_REQUEST, "ts-in-future");
        expect(postSightings("{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"ZZ\",\"rssi\":-50}]}"), ResponseCode.BAD_REQUEST, "adv-not-hex")
                .contains("sightings[0].adv");
        expect(postSightings(report(now, -200)), ResponseCode.BAD_REQUEST, "rssi-out-of-range");
        expect(post("/v1/sightings", "device=" + device, new byte[] {(byte) 0xa1, 0x61}, MediaTypeRegistry.APPLICATION_CBOR),
                ResponseCode.BAD_REQUEST, "cbor-truncated");
        expect(post("/v1/sightings", "device=" + device, "ts=1".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN),
                ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "unsupported-content-format");

        assertThat(sightings).isEmpty();
        assertThat(counters.rejectedByReason()).containsKeys("payload-not-json", "payload-schema", "cbor-truncated", "adv-not-hex");
    }

    @Test
    void refusesUnknownAndUnnamedDevicesWith401() throws Exception {
        String body = report(System.currentTimeMillis(), -50);
        expect(post("/v1/sightings", "device=" + UUID.randomUUID(), body.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON),
                ResponseCode.UNAUTHORIZED, "unknown-device");
        expect(post("/v1/sightings", null, body.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON),
                ResponseCode.UNAUTHORIZED, "device-unnamed");
        assertThat(sightings).isEmpty();
    }

    @Test
    void answersABodyOverTheLimitWith413() throws Exception {
        String huge = "{\"ts\":1,\"sightings\":[" + ",{}".repeat(MAX_BYTES) + "]}";

        CoapResponse response = postSightings(huge);

        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(sightings).isEmpty();
    }

    @Test
    void answersADeviceOverItsRateLimitWith429() throws Exception {
        long now = System.currentTimeMillis();
        ResponseCode last = null;
        for (int i = 0; i < 25 && last != ResponseCode.TOO_MANY_REQUESTS; i++) {
            CoapResponse response = postSightings(report(now - i, -50));
            last = response.getCode();
            if (last == ResponseCode.TOO_MANY_REQUESTS) {
                assertThat(response.getResponseText()).contains("\"reason\":\"rate-limited\"");
            }
        }
        assertThat(last).isEqualTo(ResponseCode.TOO_MANY_REQUESTS);
        assertThat(sightings).hasSize(20);
        assertThat(counters.rejectedByReason()).containsEntry("rate-limited", 1L);
    }

    @Test
    void acceptsWhatIsGoodInAPartlyBadReportAndListsTheRest() throws Exception {
        long now = System.currentTimeMillis();
        String body = "{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":-50},{\"adv\":\"0201\",\"rssi\":-50}]}";

        CoapResponse response = postSightings(body);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(response.getResponseText()).contains("\"accepted\":1").contains("sightings[1].adv");
        assertThat(sightings).hasSize(1);
    }

    @Test
    void acceptsATagScanAndRejectsOnesThatNoTagEmitted() throws Exception {
        long now = System.currentTimeMillis();
        String url = "https://nearcast.example/t/abc?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086";
        byte[] good = ("{\"ts\":" + now + ",\"url\":\"" + url + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(post("/v1/scans", "device=" + device, good, MediaTypeRegistry.APPLICATION_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
        expect(post("/v1/scans", "device=" + device, ("{\"ts\":" + now + "}").getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON),
                ResponseCode.BAD_REQUEST, "url-missing");
        expect(post("/v1/scans", "device=" + device, ("{\"ts\":" + now + ",\"url\":\"ftp://x.example/a\"}").getBytes(StandardCharsets.UTF_8),
                MediaTypeRegistry.APPLICATION_JSON), ResponseCode.BAD_REQUEST, "url-invalid");
        expect(post("/v1/scans", "device=" + device, ("{\"ts\":" + now + ",\"url\":\"https://x.example/\\u0000\"}").getBytes(StandardCharsets.UTF_8),
                MediaTypeRegistry.APPLICATION_JSON), ResponseCode.BAD_REQUEST, "url-invalid");
        expect(post("/v1/scans", "device=" + device, "{\"ts\":1,\"url\":{\"href\":\"https://x.example/\"}}".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON),
                ResponseCode.BAD_REQUEST, "payload-schema");

        assertThat(scans).singleElement().satisfies(scan -> {
            assertThat(scan.url()).isEqualTo(url);
            assertThat(scan.deviceId()).isEqualTo(device);
            assertThat(scan.storeId()).isEqualTo(store);
        });
        assertThat(counters.acceptedScans()).isEqualTo(1);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> expect(CoapResponse response, ResponseCode code, String reason) {
        assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(code);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
        return assertThat(response.getResponseText()).contains("\"reason\":\"" + reason + "\"");
    }

    /** Just enough of a CBOR encoder (RFC 8949) to write test bodies by hand. */
    static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor array(int items) {
            return head(4, items);
        }

        Cbor text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Cbor bytes(byte[] bytes) {
            head(2, bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Cbor uint(long value) {
            return head(0, value);
        }

        Cbor negative(long value) {
            return head(1, -1 - value);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private Cbor head(int major, long argument) {
            int type = major << 5;
            if (argument < 24) {
                out.write(type | (int) argument);
            } else if (argument < 0x100) {
                out.write(type | 24);
                out.write((int) argument);
            } else if (argument < 0x10000) {
                out.write(type | 25);
                writeBigEndian(argument, 2);
            } else if (argument < 0x1_0000_0000L) {
                out.write(type | 26);
                writeBigEndian(argument, 4);
            } else {
                out.write(type | 27);
                writeBigEndian(argument, 8);
            }
            return this;
        }

        private void writeBigEndian(long value, int bytes) {
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }
    }
}
