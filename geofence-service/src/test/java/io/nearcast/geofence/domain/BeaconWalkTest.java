package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Scripted walks past simulated beacons (log-distance path loss, n = 2, tx power −59 dBm at 1 m,
 * noise, a fifth of the packets missed), one app report a second, with the default rules: the
 * events must come out exactly as a person watching the walk would count them. Each scenario runs
 * with many seeds.
 */
class BeaconWalkTest {

    private static final String SHOPPER = "shopper-1";
    private static final int TX = -59;
    private static final Radio.Beacon WINE = new Radio.Beacon("beacon-wine", "wine", 0, 0, TX);
    private static final Radio.Beacon CHEESE = new Radio.Beacon("beacon-cheese", "cheese", 8, 0, TX);
    private static final PresenceRules RULES = PresenceRules.defaults();

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 25; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void walkingThroughAZoneGivesOneEnterAndOneExit(long seed) {
        Scenario scenario = new Scenario(RULES.withDefaultDwell(Duration.ofMinutes(5)), ZoneIndex.empty()).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.gaussian(4), 0.2, seed);

        play(scenario, radio, Walk.from(-60, 2).to(60, 2, 1.2), 0);
        scenario.advanceTo(scenario.now() + 60_000);

        assertThat(scenario.timeline()).containsExactly("enter wine", "exit wine");
        ZoneEvent exit = scenario.events.get(1);
        assertThat(exit.reason()).contains(ExitReason.LEFT);
        // the beacon is in range for the middle 20 m of the walk: about 17 s
        assertThat(exit.dwell().orElseThrow()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(45));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void walkingFromOneZoneIntoTheNextSwitchesOnce(long seed) {
        Scenario scenario = new Scenario(RULES.withDefaultDwell(Duration.ofMinutes(5)), ZoneIndex.empty()).consent(SHOPPER);
        Radio.Beacon far = new Radio.Beacon("beacon-bakery", "bakery", 30, 0, TX);
        Radio radio = new Radio(List.of(WINE, far), 2.0, Radio.Noise.gaussian(4), 0.2, seed);

        play(scenario, radio, Walk.from(0, 1).pause(20).to(30, 1, 1.2).pause(20), 0);
        scenario.advanceTo(scenario.now() + 60_000);

        assertThat(scenario.timeline()).containsExactly("enter wine", "exit wine", "enter bakery", "exit bakery");
        assertThat(scenario.events.get(1).reason()).contains(ExitReason.SWITCHED);
        assertThat(scenario.events.get(3).reason()).contains(ExitReason.SILENT);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void standingOnTheBoundaryBetweenTwoZonesWithSixDecibelNoiseNeverFlaps(long seed) {
        for (Radio.Noise noise : List.of(Radio.Noise.uniform(6), Radio.Noise.gaussian(3))) {
            Scenario scenario = new Scenario(RULES, ZoneIndex.empty()).consent(SHOPPER);
            Radio radio = new Radio(List.of(WINE, CHEESE), 2.0, noise, 0.2, seed);

            play(scenario, radio, Walk.from(4, 0).pause(600), 0); // exactly between the two beacons, 4 m from each
            long walkEnded = scenario.now();
            List<ZoneEvent> during = scenario.events.stream().filter(e -> e.at().toEpochMilli() <= walkEnded).toList();

            assertThat(during).extracting(ZoneEvent::type).containsExactly(ZoneEvent.Type.ENTER, ZoneEvent.Type.DWELL);
            scenario.advanceTo(walkEnded + 60_000);
            assertThat(scenario.events).hasSize(3);
            assertThat(scenario.events.get(2).reason()).contains(ExitReason.SILENT);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void standingAtTheEdgeOfABeaconsRangeWithSixDecibelNoiseNeverFlaps(long seed) {
        Scenario scenario = new Scenario(RULES, ZoneIndex.empty()).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.uniform(6), 0.2, seed);

        play(scenario, radio, Walk.from(RULES.beacon().rangeMeters(), 0).pause(600), 0);
        long walkEnded = scenario.now();

        long enters = scenario.events.stream().filter(e -> e.type() == ZoneEvent.Type.ENTER).count();
        long exitsDuring = scenario.events.stream().filter(e -> e.type() == ZoneEvent.Type.EXIT && e.at().toEpochMilli() < walkEnded - 1000).count();
        assertThat(enters).isLessThanOrEqualTo(1);
        assertThat(exitsDuring).isZero();
    }

    @Test
    void dwellFiresExactlyOncePerVisitAfterTheZonesDwellTime() {
        Scenario scenario = new Scenario(RULES, ZoneIndex.empty()).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.gaussian(4), 0.2, 7);

        play(scenario, radio, Walk.from(-40, 1).to(0, 1, 1.2).pause(300).to(40, 1, 1.2), 0);
        scenario.advanceTo(scenario.now() + 60_000);

        assertThat(scenario.timeline()).containsExactly("enter wine", "dwell wine", "exit wine");
        ZoneEvent enter = scenario.events.get(0);
        ZoneEvent dwell = scenario.events.get(1);
        assertThat(Duration.between(enter.at(), dwell.at())).isBetween(RULES.defaultDwell(), RULES.defaultDwell().plusSeconds(2));
        assertThat(dwell.dwell()).contains(Duration.between(enter.at(), dwell.at()));
        assertThat(scenario.events).extracting(ZoneEvent::visitId).containsOnly(enter.visitId());
    }

    @Test
    void aZonesOwnDwellTimeOverridesTheDefault() {
        ZoneIndex zones = ZoneIndex.of(List.of(new ZoneArea("wine", Radio.STORE, java.util.OptionalInt.empty(),
                new ZoneArea.Circle(52.5, 13.4, 5), java.util.Optional.of(Duration.ofSeconds(90)))));
        Scenario scenario = new Scenario(RULES, zones).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.none(), 0, 1);

        play(scenario, radio, Walk.from(1, 0).pause(120), 0);

        ZoneEvent enter = scenario.events.get(0);
        ZoneEvent dwell = scenario.events.get(1);
        assertThat(Duration.between(enter.at(), dwell.at())).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aShopperWhoFallsSilentGetsAnExitAtTheLastSighting() {
        Scenario scenario = new Scenario(RULES, ZoneIndex.empty()).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.gaussian(2), 0, 3);

        play(scenario, radio, Walk.from(1, 0).pause(60), 0); // then the app stops reporting (battery, app killed)
        long lastReport = scenario.now();
        scenario.advanceTo(lastReport + RULES.beacon().silence().toMillis() - 1000);
        assertThat(scenario.timeline()).doesNotContain("exit wine");

        scenario.advanceTo(lastReport + RULES.beacon().silence().toMillis() + 2000);

        ZoneEvent exit = scenario.events.get(scenario.events.size() - 1);
        assertThat(exit.type()).isEqualTo(ZoneEvent.Type.EXIT);
        assertThat(exit.reason()).contains(ExitReason.SILENT);
        assertThat(exit.at().toEpochMilli()).isEqualTo(lastReport);
        assertThat(scenario.tracker.view(SHOPPER).orElseThrow().visits()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffledDeliveryWithinTheReorderWindowGivesTheSameEvents(long seed) {
        PresenceRules rules = RULES.withReorderWindow(Duration.ofSeconds(2));
        Radio.Beacon bakery = new Radio.Beacon("beacon-bakery", "bakery", 15, 0, TX);
        Walk walk = Walk.from(-40, 0).to(0, 0, 1.2).pause(60).to(15, 0, 1.2).pause(45).to(60, 0, 1.2);
        List<List<ProximitySighting>> reports = reports(new Radio(List.of(WINE, bakery), 2.0, Radio.Noise.gaussian(4), 0.2, seed), walk);

        Scenario inOrder = new Scenario(rules, ZoneIndex.empty()).consent(SHOPPER);
        for (List<ProximitySighting> report : reports) {
            if (!report.isEmpty()) {
                inOrder.report(report, report.get(0).at().toEpochMilli());
            }
        }
        inOrder.advanceTo(inOrder.now() + 60_000);

        Scenario shuffled = new Scenario(rules, ZoneIndex.empty()).consent(SHOPPER);
        Random delays = new Random(seed * 31);
        List<long[]> arrivals = new ArrayList<>(); // {arrival ms, report index, sighting index}
        for (int r = 0; r < reports.size(); r++) {
            for (int s = 0; s < reports.get(r).size(); s++) { // each sighting on its own, 0 to 2 s late
                arrivals.add(new long[] {reports.get(r).get(s).at().toEpochMilli() + delays.nextInt(2000), r, s});
            }
        }
        arrivals.sort(Comparator.comparingLong(a -> a[0]));
        for (long[] arrival : arrivals) {
            shuffled.report(List.of(reports.get((int) arrival[1]).get((int) arrival[2])), arrival[0]);
        }
        shuffled.advanceTo(shuffled.now() + 60_000);

        assertThat(inOrder.timeline()).containsExactly("enter wine", "dwell wine", "exit wine", "enter bakery", "dwell bakery", "exit bakery");
        assertThat(shuffled.events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("visitId")
                .containsExactlyElementsOf(inOrder.events);
        assertThat(shuffled.tracker.counters().lateObservations()).isZero();
    }

    @Test
    void aSightingOlderThanTheLastProcessedIsCountedLateAndNotUsed() {
        Scenario scenario = new Scenario(RULES.withReorderWindow(Duration.ZERO), ZoneIndex.empty()).consent(SHOPPER);
        Radio radio = new Radio(List.of(WINE), 2.0, Radio.Noise.none(), 0, 1);
        play(scenario, radio, Walk.from(1, 0).pause(20), 0);
        int before = scenario.events.size();

        scenario.tracker.report(radio.report(SHOPPER, 1, 0, Instant.ofEpochMilli(Scenario.START + 5_000)));

        assertThat(scenario.tracker.counters().lateObservations()).isEqualTo(1);
        assertThat(scenario.events).hasSize(before);
    }

    /** Plays the walk: one report a second, arriving {@code delayMs} after it was made. */
    static void play(Scenario scenario, Radio radio, Walk walk, long delayMs) {
        for (List<ProximitySighting> report : reports(radio, walk)) {
            if (!report.isEmpty()) {
                scenario.report(report, report.get(0).at().toEpochMilli() + delayMs);
            }
        }
        scenario.advanceTo(Scenario.START + walk.durationMs() + delayMs);
    }

    static List<List<ProximitySighting>> reports(Radio radio, Walk walk) {
        List<List<ProximitySighting>> reports = new ArrayList<>();
        for (long t = 0; t <= walk.durationMs(); t += 1000) {
            Walk.Position position = walk.at(t);
            reports.add(radio.report(SHOPPER, position.x(), position.y(), Instant.ofEpochMilli(Scenario.START + t)));
        }
        return reports;
    }
}
