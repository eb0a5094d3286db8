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
            ScannerIngestTest::registered, handedOn::addAll, counters);

    /** The registry of this test: the iBeacon of {@link #IBEACON} in store s1, one with minor 3 in store s2. */
    static java.util.Optional<KnownBeacon> registered(io.nearcast.gateway.domain.frames.BeaconFrame frame, String storeId, Instant at) {
        if (frame instanceof io.nearcast.gateway.domain.frames.BeaconFrame.IBeacon ibeacon && ibeacon.major() == 1) {
            return ibeacon.minor() == 2 ? java.util.Optional.of(new KnownBeacon("b1", "s1", java.util.OptionalInt.empty()))
                    : java.util.Optional.of(new KnownBeacon("b2", "s2", java.util.OptionalInt.of(-65)));
        }
        return java.util.Optional.empty();
    }

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
    void handsOnOnlyRegisteredBeaconsOfTheScannersStoreAndCountsTheRest() {
        String neighbours = IBEACON.replace("00010002C5", "00010003C5"); // registered, in store s2
        String nobodys = IBEACON.replace("00010002C5", "00020002C5");
        String url = "0201060303AAFE0D16AAFE10EE03676F6F676C6507"; // Eddystone-URL https://google.com

        ScannerIngest.Result result = ingest.handle(key("mixed"), report(IBEACON, neighbours, nobodys, url), 0);

        assertThat(result.rejects()).isEmpty();
        assertThat(handedOn).singleElement().satisfies(sighting -> {
            assertThat(sighting.beaconId()).isEqualTo("b1");
            assertThat(sighting.storeId()).isEqualTo("s1");
            assertThat(sighting.observer()).isEqualTo(new Observer.Scanner("d1"));
            assertThat(sighting.txPower()).as("the iBeacon's measured power (0xC5)").isEqualTo(-59);
        });
        assertThat(counters.foreignBeacons()).isEqualTo(1);
        assertThat(counters.unknownBeacons()).as("unregistered, and a URL frame that names no beacon").isEqualTo(2);
    }

    @Test
    void aRepeatOfAWhollyRejectedMessageGetsTheSameRejectNotDuplicate() {
        ScannerReport tooNew = new ScannerReport("s1", "d1", NOW.plusSeconds(3_600).toEpochMilli(), List.of(new RawSighting(IBEACON, -60)));

        ScannerIngest.Result first = ingest.handle(key("future"), tooNew, 0);
        ScannerIngest.Result again = ingest.handle(key("future"), tooNew, 1);

        assertThat(first.rejects()).extracting(Reject::reason).containsExactly("ts-in-future");
        assertThat(again.duplicate()).isFalse();
        assertThat(again.rejects()).extracting(Reject::reason).containsExactly("ts-in-future");
    }

    @Test
    void theMessageKeyDependsOnTopicAndPayload() {
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(ScannerIngest.messageKey(TOPIC, payload)).isEqualTo(ScannerIngest.messageKey(TOPIC, payload.clone())).hasSize(64);
        assertThat(ScannerIngest.messageKey(TOPIC, payload)).isNotEqualTo(ScannerIngest.messageKey(TOPIC + "x", payload));
    }

    @Test
    void aShopperAppsBroadcastIsHandedOnWithTheShopperOnlyWithConsentAndAStrangersIsAnUnknownBeacon() {
        String consenting = "0201060303AAFE0D16AAFE30E7580D71A1EF49CEE8";
        String anonymous = consenting.replace("580D71A1EF49CEE8", "1111111111111111");
        String stranger = consenting.replace("580D71A1EF49CEE8", "2222222222222222");
        List<BroadcastSighting> apps = new ArrayList<>();
        ShopperBroadcasts owners = (eid, at) -> switch (java.util.HexFormat.of().formatHex(eid)) {
            case "580d71a1ef49cee8" -> ShopperBroadcasts.Owner.shopper("shopper-1");
            case "1111111111111111" -> ShopperBroadcasts.Owner.ANONYMOUS;
            default -> ShopperBroadcasts.Owner.NOT_OURS;
        };
        ScannerIngest withApps = new ScannerIngest((store, device) -> true, new DeviceRateLimits(3, Duration.ofSeconds(1)),
                new RecentMessages(Duration.ofMinutes(10), 10_000),
                new ReportCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 500),
                ScannerIngestTest::registered, new BeaconHealth(BeaconTelemetrySink.none(), Duration.ofMinutes(1), counters), handedOn::addAll,
                owners, apps::addAll, counters);

        ScannerIngest.Result result = withApps.handle(key("apps"), report(consenting, anonymous, stranger), 0);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(handedOn).isEmpty();
        assertThat(apps).containsExactly(
                new BroadcastSighting("s1", "d1", java.util.Optional.of("shopper-1"), -60, -25 - 41, NOW),
                new BroadcastSighting("s1", "d1", java.util.Optional.empty(), -60, -25 - 41, NOW));
        assertThat(counters.broadcasts()).isEqualTo(2);
        assertThat(counters.anonymousSightings()).isEqualTo(1);
        assertThat(counters.unknownBeacons()).isEqualTo(1);
    }
}
