package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One message through limit, de-duplication and validation; every outcome counted. */
class ScannerIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";
    private static final String TOPIC = "nearcast/v1/stores/s1/devices/d1/sightings";

    private final List<NormalizedSighting> handedOn = new ArrayList<>();
    private final IngestCounters counters = new IngestCounters();
    private final ScannerIngest ingest = new ScannerIngest((store, device) -> "s1".equals(store) && "d1".equals(device), new DeviceRateLimits(3, Duration.ofSeconds(1)),
            new RecentMessages(Duration.ofMinutes(10), 10_000),
            new ReportCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 500),
            handedOn::addAll, counters);

    private static ScannerReport report(String... advs) {
        List<RawSighting> sightings = new ArrayList<>();
        for (String adv : advs) {
            sightings.add(new RawSighting(adv, -60));
        }
        return new ScannerReport("s1", "d1", NOW.toEpochMilli(), sightings);
    }

    private static String key(String payload) {
        return ScannerIngest.messageKey(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOnTheGoodSightingsAndReturnsTheRejects() {
        ScannerIngest.Result result = ingest.handle(key("m1"), report(IBEACON, "020106"), 0);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejects()).extracting(Reject::reason).containsExactly("no-beacon-frame");
        assertThat(handedOn).hasSize(1);
        assertThat(counters.acceptedSightings()).isEqualTo(1);
        assertThat(counters.rejectedByReason()).containsExactly(Map.entry("no-beacon-frame", 1L));
    }

    @Test
    void aRedeliveryIsAcknowledgedButHandedOnOnlyOnce() {
        ingest.handle(key("same"), report(IBEACON), 0);

        ScannerIngest.Result again = ingest.handle(key("same"), report(IBEACON), 1_000_000);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.rejects()).isEmpty();
        assertThat(handedOn).hasSize(1);
        assertThat(counters.duplicates()).isEqualTo(1);
        assertThat(counters.messages()).isEqualTo(2);
    }

    @Test
    void aRateLimitedMessageIsRejectedAndItsRetryIsNotTakenForADuplicate() {
        for (int i = 0; i < 3; i++) {
            ingest.handle(key("burst-" + i), report(IBEACON), 0);
        }

        ScannerIngest.Result limited = ingest.handle(key("late"), report(IBEACON), 0);
        ScannerIngest.Result retried = ingest.handle(key("late"), report(IBEACON), 1_000_000_000L);

        assertThat(limited.rejects()).extracting(Reject::reason).containsExactly("rate-limited");
        assertThat(retried.duplicate()).isFalse();
        assertThat(retried.accepted()).isEqualTo(1);
        assertThat(handedOn).hasSize(4);
        assertThat(counters.rejectedByReason()).containsEntry("rate-limited", 1L);
    }

    @Test
    void aDeviceThatIsNotRegisteredInTheTopicsStoreIsRejected() {
        ScannerReport foreign = new ScannerReport("s2", "d1", NOW.toEpochMilli(), List.of(new RawSighting(IBEACON, -60)));

        ScannerIngest.Result result = ingest.handle(key("f"), foreign, 0);

        assertThat(result.rejects()).extracting(Reject::reason).containsExactly("unknown-device");
        assertThat(handedOn).isEmpty();
        assertThat(counters.rejectedByReason()).containsEntry("unknown-device", 1L);
    }

    @Test
    void theMessageKeyDependsOnTopicAndPayload() {
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(ScannerIngest.messageKey(TOPIC, payload)).isEqualTo(ScannerIngest.messageKey(TOPIC, payload.clone())).hasSize(64);
        assertThat(ScannerIngest.messageKey(TOPIC, payload)).isNotEqualTo(ScannerIngest.messageKey(TOPIC + "x", payload));
    }
}
