package io.nearcast.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nearcast.testing.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * Retention through the personal-data SPI with a clock the test moves: raw per-shopper records
 * older than the period go, anonymous aggregates stay, the shopper's own record and consent stay.
 * The raw-data holder here stands for the sightings store the gateway issue adds.
 */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration KEEP = Duration.ofDays(30);

    private final MovableClock clock = new MovableClock(NOW);
    private final PersonalData personalData = new PersonalData(clock);
    private final RawSightings sightings = new RawSightings();
    private final ShopperId shopper = ShopperId.random();

    @Test
    void purgesRawDataOlderThanThePeriodAndKeepsAggregates() {
        personalData.register(sightings);
        sightings.record(shopper, NOW.minus(Duration.ofDays(40)));
        sightings.record(shopper, NOW.minus(Duration.ofDays(29)));
        sightings.record(shopper, NOW.minus(Duration.ofHours(1)));

        assertThat(personalData.purgeOlderThan(KEEP)).containsExactly(Map.entry("sightings", 1L));
        assertThat(sightings.rows).hasSize(2);

        clock.advance(Duration.ofDays(2));
        assertThat(personalData.purgeOlderThan(KEEP)).containsExactly(Map.entry("sightings", 1L));
        assertThat(sightings.rows).hasSize(1);
        assertThat(sightings.visitsCounted).as("the anonymous aggregate is untouched").isEqualTo(3);
    }

    @Test
    void theShopperRecordAndTheLedgerAreNotRawData() {
        assertThat(new ShopperRecords(null).purgeRawOlderThan(NOW)).isZero();
        assertThat(new ConsentRecords(null).purgeRawOlderThan(NOW)).isZero();
    }

    /** Raw sightings per shopper and an anonymous count of visits. */
    private static final class RawSightings implements PersonalDataHolder {
        private record Row(ShopperId shopper, Instant at) {
        }

        final List<Row> rows = new ArrayList<>();
        long visitsCounted;

        void record(ShopperId shopper, Instant at) {
            rows.add(new Row(shopper, at));
            visitsCounted++;
        }

        @Override
        public String name() {
            return "sightings";
        }

        @Override
        public List<Map<String, String>> export(ShopperId shopper) {
            return rows.stream().filter(row -> row.shopper().equals(shopper)).map(row -> Map.of("at", row.at().toString())).toList();
        }

        @Override
        public long erase(ShopperId shopper) {
            int before = rows.size();
            rows.removeIf(row -> row.shopper().equals(shopper));
            return before - rows.size();
        }

        @Override
        public long purgeRawOlderThan(Instant cutoff) {
            int before = rows.size();
            rows.removeIf(row -> row.at().isBefore(cutoff));
            return before - rows.size();
        }
    }
}
