package io.nearcast.geofence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.geofence.domain.DwellBuckets;
import io.nearcast.geofence.domain.GeofenceRecorder;
import io.nearcast.geofence.domain.VisitHistory;
import io.nearcast.geofence.domain.VisitRecord;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import io.nearcast.geofence.domain.ZoneHour;
import io.nearcast.geofence.domain.ZoneHourDelta;
import io.nearcast.geofence.domain.ZoneHourKey;
import io.nearcast.geofence.domain.ZoneHours;
import io.nearcast.geofence.domain.ZoneStatistics;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the visit history and the zone statistics must do on a database; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class GeofenceRepositoriesContract {

    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T0 = HOUR.plusSeconds(600);

    private VisitHistory history;
    private ZoneHours hours;

    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositories() throws Exception {
        DataSource dataSource = freshDataSource();
        history = new JdbcVisitHistory(dataSource);
        hours = new JdbcZoneHours(dataSource);
    }

    @Test
    void enterDwellAndExitMakeOneVisitAndRepeatsChangeNothing() {
        List<ZoneEvent> visit = visit("00000000000000a1", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95));

        history.record(visit);
        history.record(visit); // at-least-once: delivered again

        assertThat(history.of("shopper-1")).containsExactly(new VisitRecord("00000000000000a1", "shopper-1", "store-1", "wine", T0,
                Optional.of(T0.plusSeconds(40)), Optional.of(T0.plusSeconds(95)), Optional.of(Duration.ofSeconds(95)), Optional.of("left")));
    }

    @Test
    void anExitWhoseEnterWasNeverRecordedStartsTheVisitFromItsDwellTime() {
        history.record(List.of(visit("00000000000000b2", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)).get(2)));

        VisitRecord record = history.of("shopper-1").get(0);
        assertThat(record.enteredAt()).isEqualTo(T0);
        assertThat(record.exitedAt()).contains(T0.plusSeconds(95));
        assertThat(record.dweltAt()).isEmpty();
    }

    @Test
    void anOpenVisitHasNoExitYet() {
        history.record(List.of(visit("00000000000000c3", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)).get(0)));

        VisitRecord record = history.of("shopper-1").get(0);
        assertThat(record.exitedAt()).isEmpty();
        assertThat(record.exitReason()).isEmpty();
    }

    @Test
    void erasureRemovesOnlyThatShoppersVisitsAndPurgeOnlyOldOnes() {
        history.record(visit("0000000000000001", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)));
        history.record(visit("0000000000000002", "shopper-1", "wine", T0.plusSeconds(3_600), Duration.ofSeconds(40), Duration.ofSeconds(95)));
        history.record(visit("0000000000000003", "shopper-2", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)));

        assertThat(history.of("shopper-1")).extracting(VisitRecord::visitId).containsExactly("0000000000000001", "0000000000000002");
        assertThat(history.purgeEnteredBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(history.erase("shopper-1")).isEqualTo(1);
        assertThat(history.of("shopper-1")).isEmpty();
        assertThat(history.of("shopper-2")).isEmpty();
    }

    @Test
    void deltasAddUpAndAnEmptyHourIsNotListed() {
        ZoneHourKey key = new ZoneHourKey("store-1", "wine", HOUR);
        hours.add(List.of(delta(key, 2, 5, 0, 30_000)));
        hours.add(List.of(delta(key, 1, 1, 3, 600_000)));

        Page<ZoneHour> page = hours.list("store-1", Optional.empty(), HOUR, HOUR.plusSeconds(3_600), PageRequest.first());

        assertThat(page.total()).isEqualTo(1);
        ZoneHour hour = page.items().get(0);
        assertThat(hour.visits()).isEqualTo(3);
        assertThat(hour.anonymousSightings()).isEqualTo(6);
        assertThat(hour.dwellBuckets().get(0)).isEqualTo(1);
        assertThat(hour.dwellBuckets().get(3)).isEqualTo(1);
        assertThat(hour.dwellMillis()).isEqualTo(630_000);
        assertThat(hour.meanDwell()).contains(Duration.ofMillis(315_000));
        assertThat(hours.list("store-2", Optional.empty(), HOUR, HOUR.plusSeconds(3_600), PageRequest.first()).total()).isZero();
    }

    @Test
    void uniqueVisitorsAreCountedFromTheHistoryAndAnErasureNeverLowersThem() {
        ZoneHourKey key = new ZoneHourKey("store-1", "wine", HOUR);
        history.record(visit("0000000000000011", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)));
        history.record(visit("0000000000000012", "shopper-1", "wine", T0.plusSeconds(200), Duration.ofSeconds(40), Duration.ofSeconds(95)));
        history.record(visit("0000000000000013", "shopper-2", "wine", T0.plusSeconds(300), Duration.ofSeconds(40), Duration.ofSeconds(95)));
        history.record(visit("0000000000000014", "shopper-3", "wine", HOUR.plusSeconds(3_600), Duration.ofSeconds(40), Duration.ofSeconds(95))); // next hour
        hours.add(List.of(delta(key, 3, 0, 0, 0)));

        hours.countUniqueVisitors(List.of(key));
        assertThat(only(key).uniqueVisitors()).isEqualTo(2);

        history.erase("shopper-2");
        hours.countUniqueVisitors(List.of(key));
        assertThat(only(key).uniqueVisitors()).isEqualTo(2);
    }

    @Test
    void listsNewestHourFirstThenByZoneOneZoneOnRequestAndPages() {
        for (int h = 0; h < 3; h++) {
            for (String zone : List.of("b", "a")) {
                hours.add(List.of(delta(new ZoneHourKey("store-1", zone, HOUR.plus(Duration.ofHours(h))), 1, 0, 0, 0)));
            }
        }

        Page<ZoneHour> first = hours.list("store-1", Optional.empty(), HOUR, HOUR.plus(Duration.ofHours(3)), new PageRequest(0, 4));
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).extracting(h -> h.key().zoneId() + "@" + h.key().hour())
                .containsExactly("a@" + HOUR.plus(Duration.ofHours(2)), "b@" + HOUR.plus(Duration.ofHours(2)),
                        "a@" + HOUR.plus(Duration.ofHours(1)), "b@" + HOUR.plus(Duration.ofHours(1)));
        assertThat(hours.list("store-1", Optional.of("a"), HOUR, HOUR.plus(Duration.ofHours(2)), PageRequest.first()).items())
                .extracting(h -> h.key().hour()).containsExactly(HOUR.plus(Duration.ofHours(1)), HOUR);
    }

    @Test
    void writersOnSeveralThreadsAddUpExactly() throws Exception {
        ZoneHourKey key = new ZoneHourKey("store-1", "wine", HOUR);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    hours.add(List.of(delta(key, 1, 2, 0, 0)));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        assertThat(only(key).visits()).isEqualTo(100);
        assertThat(only(key).anonymousSightings()).isEqualTo(200);
    }

    @Test
    void theRecorderWritesHistoryAndStatisticsOnFlush() {
        ZoneStatistics statistics = new ZoneStatistics();
        GeofenceRecorder recorder = new GeofenceRecorder(history, hours, statistics, 100, Duration.ofHours(1));
        visit("0000000000000021", "shopper-1", "wine", T0, Duration.ofSeconds(40), Duration.ofSeconds(95)).forEach(recorder::accept);
        statistics.sighted("store-1", "wine", T0);

        recorder.flush();

        assertThat(history.of("shopper-1")).hasSize(1);
        ZoneHour hour = only(new ZoneHourKey("store-1", "wine", HOUR));
        assertThat(hour.visits()).isEqualTo(1);
        assertThat(hour.uniqueVisitors()).isEqualTo(1);
        assertThat(hour.anonymousSightings()).isEqualTo(1);
        assertThat(hour.dwellBuckets().get(DwellBuckets.of(Duration.ofSeconds(95)))).isEqualTo(1);
        assertThat(recorder.recorded()).isEqualTo(3);
        assertThat(recorder.dropped()).isZero();
    }

    private ZoneHour only(ZoneHourKey key) {
        List<ZoneHour> items = hours.list(key.storeId(), Optional.of(key.zoneId()), key.hour(), key.hour().plusSeconds(3_600), PageRequest.first()).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static ZoneHourDelta delta(ZoneHourKey key, long visits, long anonymous, int bucketOfOne, long dwellMillis) {
        long[] buckets = new long[DwellBuckets.COUNT];
        if (dwellMillis > 0) {
            buckets[bucketOfOne]++;
        }
        return new ZoneHourDelta(key, visits, anonymous, buckets, dwellMillis);
    }

    private static List<ZoneEvent> visit(String visitId, String shopper, String zone, Instant entered, Duration dwellAfter, Duration exitAfter) {
        return List.of(
                new ZoneEvent(visitId, shopper, "store-1", zone, ZoneEvent.Type.ENTER, entered, Optional.empty(), Optional.empty()),
                new ZoneEvent(visitId, shopper, "store-1", zone, ZoneEvent.Type.DWELL, entered.plus(dwellAfter), Optional.of(dwellAfter), Optional.empty()),
                new ZoneEvent(visitId, shopper, "store-1", zone, ZoneEvent.Type.EXIT, entered.plus(exitAfter), Optional.of(exitAfter), Optional.of(ExitReason.LEFT)));
    }
}
