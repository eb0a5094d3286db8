package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * GPS semantics: hysteresis by geometry (enter when the accuracy circle lies within the zone, exit
 * when it no longer touches it), inaccurate fixes and impossible jumps ignored and counted.
 * The zone is a 100 m square (lon 13.4–13.40147, lat 52.5–52.5009) around a car park.
 */
class GpsPresenceTest {

    private static final String SHOPPER = "shopper-1";
    private static final double LAT_PER_M = 1 / 111_194.9;
    private static final double LON_PER_M = LAT_PER_M / Math.cos(Math.toRadians(52.5));
    private static final double WEST = 13.4;
    private static final double SOUTH = 52.5;
    private static final ZoneArea CAR_PARK = new ZoneArea("car-park", "store-1", OptionalInt.empty(),
            new ZoneArea.Polygonal(RandomZones.rectangle(WEST, SOUTH, WEST + 100 * LON_PER_M, SOUTH + 100 * LAT_PER_M)));

    private final Scenario scenario = new Scenario(PresenceRules.defaults().withReorderWindow(Duration.ZERO), ZoneIndex.of(List.of(CAR_PARK))).consent(SHOPPER);
    private long t = Scenario.START;

    @Test
    void entersOnlyWhenTheAccuracyCircleLiesWithinTheZone() {
        fix(50, -10, 20); // 10 m south of the zone: the circle overlaps it
        fix(50, 15, 20); // 15 m inside: the circle still crosses the edge
        assertThat(scenario.events).isEmpty();

        fix(50, 25, 20); // 25 m inside: the whole circle is within

        assertThat(scenario.timeline()).containsExactly("enter car-park");
    }

    @Test
    void leavesOnlyWhenTheAccuracyCircleNoLongerTouchesTheZone() {
        fix(50, 50, 10);
        fix(50, -15, 20); // outside, but the circle still reaches 5 m into the zone
        assertThat(scenario.timeline()).containsExactly("enter car-park");

        fix(50, -25, 20); // the circle ends 5 m short of the zone

        assertThat(scenario.timeline()).containsExactly("enter car-park", "exit car-park");
        assertThat(scenario.events.get(1).reason()).contains(ExitReason.LEFT);
        assertThat(scenario.events.get(1).at().toEpochMilli()).isEqualTo(t);
    }

    @Test
    void ignoresFixesLessAccurateThanTheLimitAndCountsThem() {
        fix(50, 50, 80);

        assertThat(scenario.events).isEmpty();
        assertThat(scenario.tracker.counters().inaccurateFixes()).isEqualTo(1);
        assertThat(scenario.tracker.counters().fixes()).isZero();
    }

    @Test
    void flagsAnImpossibleJumpAsSuspiciousAndIgnoresIt() {
        fix(50, 50, 10);
        fix(50, 5_050, 10); // 5 km north one second later: 18,000 km/h

        assertThat(scenario.timeline()).containsExactly("enter car-park");
        assertThat(scenario.tracker.counters().suspiciousFixes()).isEqualTo(1);

        fix(50, 60, 10); // back where the shopper really is: still the same visit
        assertThat(scenario.timeline()).containsExactly("enter car-park");
    }

    @Test
    void aFastButPossibleMoveIsNoJump() {
        fix(50, 50, 10);
        t += 59_000;
        fix(50, 2_050, 10); // 2 km in a minute: 33 m/s, a car on a main road

        assertThat(scenario.tracker.counters().suspiciousFixes()).isZero();
        assertThat(scenario.timeline()).containsExactly("enter car-park", "exit car-park");
    }

    @Test
    void noFixForTheGpsSilenceEndsTheVisitAtTheLastFix() {
        fix(50, 50, 10);
        long last = t;
        scenario.advanceTo(last + PresenceRules.defaults().gps().silence().toMillis() + 1_000);

        assertThat(scenario.timeline()).containsExactly("enter car-park", "exit car-park");
        assertThat(scenario.events.get(1).reason()).contains(ExitReason.SILENT);
        assertThat(scenario.events.get(1).at().toEpochMilli()).isEqualTo(last);
    }

    @Test
    void aZoneHeldByABeaconAndByGpsIsOneVisitThatEndsWhenBothLetGo() {
        fix(50, 50, 10);
        for (int i = 0; i < 8; i++) { // the car park's beacon at 1 m confirms the same zone
            t += 1000;
            scenario.report(List.of(new ProximitySighting("store-1", Optional.of(SHOPPER), "beacon-1", Optional.of("car-park"), -59, -59,
                    Instant.ofEpochMilli(t))), t);
        }
        fix(50, -40, 10); // GPS lets go; the beacon still holds
        assertThat(scenario.timeline()).containsExactly("enter car-park");

        scenario.advanceTo(t + PresenceRules.defaults().beacon().silence().toMillis() + 1_000);

        assertThat(scenario.timeline()).containsExactly("enter car-park", "exit car-park");
    }

    /** A fix at metres east and north of the zone's south-west corner. */
    private void fix(double east, double north, double accuracy) {
        t += 1000;
        scenario.fix(new GpsFix(SHOPPER, SOUTH + north * LAT_PER_M, WEST + east * LON_PER_M, accuracy, Instant.ofEpochMilli(t)), t);
    }
}
