package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A shopper app's report: checked, resolved against the registry's beacons, and handed on only as consent allows. */
class ShopperIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SHOPPER = "5d2c7a90-1e4b-4b8f-a0c6-93f1d7e2b4a8";
    private static final UUID KNOWN_UUID = UUID.fromString("f7826da6-4fa2-4e98-8024-bc5b71e0893e");
    private static final String ALT_ID1 = "00112233445566778899AABBCCDDEEFF";

    private final List<NormalizedSighting> sightings = new ArrayList<>();
    private final List<PositionFix> fixes = new ArrayList<>();
    private final Set<String> consenting = new HashSet<>(Set.of(SHOPPER));
    private final IngestCounters counters = new IngestCounters();
    private final BeaconDirectory directory = (frame, storeId, at) -> storeOf(frame);

    private static Optional<KnownBeacon> storeOf(BeaconFrame frame) {
        if (frame instanceof BeaconFrame.IBeacon ibeacon && ibeacon.uuid().equals(KNOWN_UUID) && ibeacon.major() == 1) {
            return Optional.of(new KnownBeacon("beacon-1", "store-1", java.util.OptionalInt.empty()));
        }
        if (frame instanceof BeaconFrame.AltBeacon alt && alt.id1().equals(ALT_ID1.toLowerCase())) {
            return Optional.of(new KnownBeacon("beacon-2", "store-2", java.util.OptionalInt.of(-62)));
        }
        return Optional.empty();
    }
    private final ShopperIngest ingest = new ShopperIngest(SHOPPER::equals, new DeviceRateLimits(5, Duration.ofSeconds(1)),
            new RecentMessages(Duration.ofMinutes(10), 1_000), new ReportCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 500),
            directory, consenting::contains, sightings::addAll, fixes::add, counters);

    private static ShopperReport.Beacon ibeacon(int major, int rssi) {
        return new ShopperReport.Beacon("ibeacon", KNOWN_UUID.toString(), major, 7, rssi, -59);
    }

    private static ShopperReport report(List<ShopperReport.Beacon> beacons, ShopperReport.Location location) {
        return new ShopperReport(SHOPPER, NOW.toEpochMilli(), beacons, location);
    }

    private static String key(String text) {
        return ScannerIngest.messageKey("nearcast/v1/shoppers/" + SHOPPER + "/sightings", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withLocationConsentSightingsCarryTheShopperAndTheFixIsHandedOn() {
        ShopperReport.Location here = new ShopperReport.Location(52.52, 13.405, 8.0);

        ScannerIngest.Result result = ingest.handle(key("1"),
                report(List.of(ibeacon(1, -60), new ShopperReport.Beacon("altbeacon", ALT_ID1, 3, 4, -70, null)), here), 0);

        assertThat(result.rejects()).isEmpty();
        assertThat(sightings).extracting(NormalizedSighting::storeId).containsExactly("store-1", "store-2");
        assertThat(sightings).allSatisfy(s -> assertThat(s.observer()).isEqualTo(new Observer.Shopper(SHOPPER)));
        assertThat(sightings.get(0).frame()).isEqualTo(new BeaconFrame.IBeacon(KNOWN_UUID, 1, 7, -59));
        assertThat(sightings).extracting(NormalizedSighting::beaconId).containsExactly("beacon-1", "beacon-2");
        assertThat(sightings).extracting(NormalizedSighting::txPower).as("the frame's power, then the registry's calibration")
                .containsExactly(-59, -62);
        assertThat(fixes).containsExactly(new PositionFix(SHOPPER, 52.52, 13.405, 8.0, NOW));
        assertThat(counters.acceptedSightings()).isEqualTo(2);
        assertThat(counters.fixes()).isEqualTo(1);
    }

    @Test
    void withoutLocationConsentSightingsAreAnonymousAndTheFixIsDropped() {
        consenting.clear();

        ingest.handle(key("1"), report(List.of(ibeacon(1, -60)), new ShopperReport.Location(52.52, 13.405, 8.0)), 0);

        assertThat(sightings).singleElement().satisfies(s -> {
            assertThat(s.observer()).isEqualTo(new Observer.AnonymousShopper());
            assertThat(s.toString()).doesNotContain(SHOPPER);
        });
        assertThat(fixes).isEmpty();
        assertThat(counters.fixesWithoutConsent()).isEqualTo(1);
        assertThat(counters.anonymousSightings()).isEqualTo(1);
    }

    @Test
    void consentIsAskedAtEveryReport() {
        ingest.handle(key("1"), report(List.of(ibeacon(1, -60)), null), 0);
        consenting.remove(SHOPPER); // withdrawn between two reports

        ingest.handle(key("2"), report(List.of(ibeacon(1, -61)), null), 1);

        assertThat(sightings).extracting(NormalizedSighting::observer)
                .containsExactly(new Observer.Shopper(SHOPPER), new Observer.AnonymousShopper());
    }

    @Test
    void beaconsTheRegistryDoesNotKnowAreCountedNotHandedOn() {
        ScannerIngest.Result result = ingest.handle(key("1"), report(List.of(ibeacon(2, -60), ibeacon(1, -65)), null), 0);

        assertThat(result.rejects()).isEmpty();
        assertThat(sightings).hasSize(1);
        assertThat(counters.unknownBeacons()).isEqualTo(1);
    }

    @Test
    void anUnknownShopperIsRefusedAndRepeatsAreDropped() {
        ShopperReport stranger = new ShopperReport(UUID.randomUUID().toString(), NOW.toEpochMilli(), List.of(ibeacon(1, -60)), null);
        assertThat(ingest.handle(key("s"), stranger, 0).rejects()).extracting(Reject::reason).containsExactly("unknown-shopper");

        ingest.handle(key("same"), report(List.of(ibeacon(1, -60)), null), 0);
        assertThat(ingest.handle(key("same"), report(List.of(ibeacon(1, -60)), null), 1).duplicate()).isTrue();
        assertThat(sightings).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "eddystone-uid, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 1, 7, -60, beacon-kind",
        "NULL, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 1, 7, -60, beacon-kind",
        "ibeacon, not-a-uuid, 1, 7, -60, beacon-uuid",
        "ibeacon, f7826da64fa24e988024bc5b71e0893e, 1, 7, -60, beacon-uuid",
        "altbeacon, 0011, 1, 7, -60, beacon-uuid",
        "ibeacon, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 65536, 7, -60, beacon-major",
        "ibeacon, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 1, -1, -60, beacon-minor",
        "ibeacon, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 1, 7, 30, rssi-out-of-range",
        "ibeacon, f7826da6-4fa2-4e98-8024-bc5b71e0893e, 1, 7, NULL, rssi-out-of-range",
    })
    void rejectsABadBeaconNamingItAndKeepsTheGoodOnes(String kind, String uuid, Integer major, Integer minor, Integer rssi, String reason) {
        ScannerIngest.Result result = ingest.handle(key(kind + uuid + major + minor + rssi),
                report(List.of(ibeacon(1, -60), new ShopperReport.Beacon(kind, uuid, major, minor, rssi, null)), null), 0);

        assertThat(result.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.reason()).isEqualTo(reason);
            assertThat(reject.detail()).startsWith("beacons[1]");
        });
        assertThat(sightings).hasSize(1);
    }

    @Test
    void rejectsReportsWithNothingTooMuchOrABadFix() {
        assertThat(ingest.handle(key("a"), report(List.of(), null), 0).rejects()).extracting(Reject::reason).containsExactly("beacons-missing");
        assertThat(ingest.handle(key("b"), report(Collections.nCopies(51, ibeacon(1, -60)), null), 0).rejects())
                .extracting(Reject::reason).containsExactly("too-many-beacons");
        assertThat(ingest.handle(key("c"), report(List.of(), new ShopperReport.Location(91.0, 0.0, 5.0)), 0).rejects())
                .extracting(Reject::reason).containsExactly("location-invalid");
        assertThat(ingest.handle(key("d"), report(List.of(), new ShopperReport.Location(0.0, Double.NaN, 5.0)), 0).rejects())
                .extracting(Reject::reason).containsExactly("location-invalid");
        assertThat(ingest.handle(key("e"), report(List.of(), new ShopperReport.Location(0.0, 0.0, 0.0)), 0).rejects())
                .extracting(Reject::reason).containsExactly("location-invalid");
        assertThat(sightings).isEmpty();
        assertThat(fixes).isEmpty();
    }
}
