package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";
    private final ReportCheck check = new ReportCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 500);

    private static ScannerReport report(Long ts, List<RawSighting> sightings) {
        return new ScannerReport("store-1", "device-1", ts, sightings);
    }

    @Test
    void acceptsGoodEntriesAndRejectsOnlyTheBadOnes() {
        ReportCheck.Outcome outcome = check.check(report(NOW.toEpochMilli() - 1_000, List.of(
                new RawSighting(IBEACON, -67), new RawSighting(IBEACON, 21), new RawSighting("zz", -60), new RawSighting(IBEACON, null))));

        assertThat(outcome.accepted()).singleElement().satisfies(sighting -> {
            assertThat(sighting.frame()).isInstanceOf(BeaconFrame.IBeacon.class);
            assertThat(sighting.rssi()).isEqualTo(-67);
            assertThat(sighting.heardAt()).isEqualTo(NOW.minusSeconds(1));
        });
        assertThat(outcome.rejects()).extracting(Reject::reason).containsExactly("rssi-out-of-range", "adv-not-hex", "rssi-out-of-range");
        assertThat(outcome.rejects()).extracting(Reject::detail).allMatch(detail -> detail.startsWith("sightings["));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ts missing,              , ts-missing",
        "ts 31 s ahead,      31000, ts-in-future",
        "ts 61 min old,   -3660000, ts-too-old",
    })
    void rejectsTheWholeReportForABadTimestamp(String label, Long offsetMillis, String reason) {
        Long ts = offsetMillis == null ? null : NOW.toEpochMilli() + offsetMillis;

        ReportCheck.Outcome outcome = check.check(report(ts, List.of(new RawSighting(IBEACON, -60))));

        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.rejects()).extracting(Reject::reason).containsExactly(reason);
    }

    @Test
    void acceptsAClockThatIsSlightlyAhead() {
        assertThat(check.check(report(NOW.toEpochMilli() + 29_000, List.of(new RawSighting(IBEACON, -60)))).accepted()).hasSize(1);
    }

    @Test
    void rejectsAnEmptyOrOversizedBatch() {
        List<RawSighting> many = new ArrayList<>(Collections.nCopies(501, new RawSighting(IBEACON, -60)));

        assertThat(check.check(report(NOW.toEpochMilli(), List.of())).rejects()).extracting(Reject::reason).containsExactly("sightings-missing");
        assertThat(check.check(report(NOW.toEpochMilli(), null)).rejects()).extracting(Reject::reason).containsExactly("sightings-missing");
        assertThat(check.check(report(NOW.toEpochMilli(), many)).rejects()).extracting(Reject::reason).containsExactly("too-many-sightings");
    }
}
