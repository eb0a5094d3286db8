package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tag scan through the same gate as sightings, then the time and URL rules; every outcome counted. */
class ScanIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String URL = "https://nearcast.example/t/1?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086";

    private final List<TapScan> handedOn = new ArrayList<>();
    private final IngestCounters counters = new IngestCounters();
    private final ScanIngest ingest = new ScanIngest((store, device) -> "s1".equals(store) && "d1".equals(device),
            new DeviceRateLimits(2, Duration.ofSeconds(1)), new RecentMessages(Duration.ofMinutes(10), 1_000),
            new ReportCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 500), handedOn::add, counters);

    private static String key(String body) {
        return ScannerIngest.messageKey("coap/d1/scans", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOnAScanWithItsTimeAndCountsIt() {
        ScannerIngest.Result result = ingest.handle(key("a"), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli() - 500, URL), 0);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejects()).isEmpty();
        assertThat(handedOn).containsExactly(new TapScan("s1", "d1", URL, NOW.minusMillis(500)));
        assertThat(counters.acceptedScans()).isEqualTo(1);
        assertThat(counters.messages()).isEqualTo(1);
    }

    @Test
    void aRepeatIsDroppedAndAStrangerRefused() {
        ingest.handle(key("a"), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), URL), 0);

        assertThat(ingest.handle(key("a"), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), URL), 1).duplicate()).isTrue();
        assertThat(ingest.handle(key("b"), new ScanIngest.ScanReport("s2", "d1", NOW.toEpochMilli(), URL), 2).rejects())
                .extracting(Reject::reason).containsExactly("unknown-device");
        assertThat(handedOn).hasSize(1);
        assertThat(counters.duplicates()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, url-missing",
        "'', url-missing",
        "ftp://nearcast.example/t/1, url-invalid",
        "/t/1?cmac=00, url-invalid",
        "https:///no-host, url-invalid",
        "'https://nearcast.example/t/1 x', url-invalid",
        "https://nearcast.example/ü, url-invalid",
        "https://nearcast.example/%zz, url-invalid",
    })
    void rejectsWhatNoTagEmitted(String url, String reason) {
        ScannerIngest.Result result = ingest.handle(key(String.valueOf(url)), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), url), 0);

        assertThat(result.rejects()).extracting(Reject::reason).containsExactly(reason);
        assertThat(handedOn).isEmpty();
        assertThat(counters.rejectedByReason()).containsEntry(reason, 1L);
    }

    @Test
    void rejectsAnOverlongUrlAndBadTimes() {
        String longUrl = "https://nearcast.example/" + "a".repeat(ScanIngest.MAX_URL_LENGTH);
        assertThat(ingest.handle(key("1"), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), longUrl), 0).rejects())
                .extracting(Reject::reason).containsExactly("url-too-long");
        assertThat(ingest.handle(key("2"), new ScanIngest.ScanReport("s1", "d1", null, URL), 0).rejects())
                .extracting(Reject::reason).containsExactly("ts-missing");
        assertThat(handedOn).isEmpty();
    }

    @Test
    void sharesTheDevicesRateLimit() {
        for (int i = 0; i < 2; i++) {
            ingest.handle(key("m" + i), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), URL), 0);
        }
        assertThat(ingest.handle(key("m3"), new ScanIngest.ScanReport("s1", "d1", NOW.toEpochMilli(), URL), 0).rejects())
                .extracting(Reject::reason).containsExactly("rate-limited");
    }
}
