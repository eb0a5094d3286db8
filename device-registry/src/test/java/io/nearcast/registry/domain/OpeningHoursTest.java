package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final OpeningHours WEEKDAYS_AND_SATURDAY = OpeningHours.of(Map.of(
            "MON", List.of(span("08:00", "20:00")),
            "TUE", List.of(span("08:00", "12:00"), span("14:00", "20:00")),
            "SAT", List.of(span("22:00", "24:00")),
            "SUN", List.of(span("00:00", "02:00"))), List.of("2026-12-28"));

    private static OpeningHours.SpanText span(String from, String to) {
        return new OpeningHours.SpanText(from, to);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2026-11-23T07:59, false",   // Monday before opening
        "2026-11-23T08:00, true",    // opening minute is open
        "2026-11-23T19:59, true",
        "2026-11-23T20:00, false",   // closing minute is closed
        "2026-11-24T13:00, false",   // Tuesday lunch break
        "2026-11-24T14:30, true",
        "2026-11-25T10:00, false",   // Wednesday has no spans
        "2026-11-28T23:30, true",    // Saturday late opening ...
        "2026-11-29T01:30, true",    // ... continues past midnight as Sunday's span
        "2026-11-29T02:00, false",
        "2026-12-28T10:00, false",   // a Monday, but a closed date
    })
    void answersInTheStoresLocalTime(String localTime, boolean open) {
        ZonedDateTime at = java.time.LocalDateTime.parse(localTime).atZone(BERLIN);
        assertThat(WEEKDAYS_AND_SATURDAY.isOpenAt(at)).isEqualTo(open);
    }

    @Test
    void aStoreReadsTheInstantInItsOwnZoneAcrossDaylightSavingTime() {
        Store store = new Store(StoreId.random(), "Mitte", BERLIN, new GeoPoint(52.52, 13.4), Optional.of(WEEKDAYS_AND_SATURDAY), Instant.EPOCH);

        // Monday 2026-03-30 07:30 UTC is 09:30 CEST (summer time); 2026-03-23 07:30 UTC is 08:30 CET
        assertThat(store.isOpenAt(Instant.parse("2026-03-30T06:30:00Z"))).isTrue();
        assertThat(store.isOpenAt(Instant.parse("2026-03-30T05:59:00Z"))).as("07:59 CEST").isFalse();
        assertThat(store.isOpenAt(Instant.parse("2026-03-23T06:59:00Z"))).as("07:59 CET").isFalse();
        assertThat(new Store(StoreId.random(), "x", BERLIN, new GeoPoint(0, 0), Instant.EPOCH).isOpenAt(Instant.EPOCH))
                .as("no hours given counts as open").isTrue();
    }

    @Test
    void survivesItsStorageEncoding() {
        String encoded = WEEKDAYS_AND_SATURDAY.encoded();

        assertThat(encoded).isEqualTo("MON=08:00-20:00;TUE=08:00-12:00,14:00-20:00;SAT=22:00-24:00;SUN=00:00-02:00|2026-12-28");
        assertThat(OpeningHours.decode(encoded)).isEqualTo(WEEKDAYS_AND_SATURDAY);
        assertThat(OpeningHours.decode("|")).isEqualTo(OpeningHours.of(null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown day        | FRX | 08:00 | 20:00 | openingHours.weekly",
        "backwards span     | MON | 20:00 | 08:00 | openingHours.weekly.MON[0].to",
        "empty span         | MON | 08:00 | 08:00 | openingHours.weekly.MON[0].to",
        "no colon           | MON | 0800  | 20:00 | openingHours.weekly.MON[0].from",
        "after midnight     | MON | 08:00 | 24:30 | openingHours.weekly.MON[0].to",
        "hour 25            | MON | 25:00 | 26:00 | openingHours.weekly.MON[0].from",
    })
    void namesTheFieldOfABadSpan(String label, String day, String from, String to, String field) {
        assertThatThrownBy(() -> OpeningHours.of(Map.of(day, List.of(span(from, to))), null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refusesOverlappingSpansAndBadDates() {
        assertThatThrownBy(() -> OpeningHours.of(Map.of("mon", List.of(span("08:00", "13:00"), span("12:00", "20:00"))), null))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("openingHours.weekly.MON");
                    assertThat(e.problem()).contains("08:00-13:00 and 12:00-20:00 overlap");
                });
        assertThatThrownBy(() -> OpeningHours.of(null, List.of("2026-12-25", "2026-02-30")))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("openingHours.closedDates[1]"));
    }
}
