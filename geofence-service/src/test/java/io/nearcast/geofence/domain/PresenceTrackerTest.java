package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Privacy, bounds and bookkeeping of the tracker around the proximity model. */
class PresenceTrackerTest {

    private static final PresenceRules RULES = PresenceRules.defaults().withReorderWindow(Duration.ZERO);
    private final Scenario scenario = new Scenario(RULES, ZoneIndex.empty());

    @Test
    void anonymousSightingsCountAsFootfallOncePerReportAndKeepNoState() {
        scenario.report(List.of(sighting(null, "beacon-1", "wine", -70), sighting(null, "beacon-2", "cheese", -60)), Scenario.START);

        assertThat(scenario.footfall).containsExactly("cheese");
        assertThat(scenario.tracker.tracked()).isZero();
        assertThat(scenario.tracker.counters().anonymousSightings()).isEqualTo(2);
        assertThat(scenario.events).isEmpty();
    }

    @Test
    void aShopperWithoutLocationConsentIsTreatedAsAnonymous() {
        stand("shopper-1", 10);

        assertThat(scenario.tracker.tracked()).isZero();
        assertThat(scenario.events).isEmpty();
        assertThat(scenario.footfall).hasSize(10);
        assertThat(scenario.tracker.counters().sightingsWithoutConsent()).isEqualTo(10);
    }

    @Test
    void withdrawingConsentEndsTheVisitsAndForgetsTheShopperAtTheNextSweep() {
        scenario.consent("shopper-1");
        stand("shopper-1", 10);
        assertThat(scenario.timeline()).containsExactly("enter wine");

        scenario.consenting.remove("shopper-1");
        scenario.advanceTo(scenario.now() + 1_000);

        assertThat(scenario.timeline()).containsExactly("enter wine", "exit wine");
        assertThat(scenario.events.get(1).reason()).contains(ExitReason.CONSENT_WITHDRAWN);
        assertThat(scenario.tracker.tracked()).isZero();
        assertThat(scenario.tracker.counters().consentWithdrawals()).isEqualTo(1);
    }

    @Test
    void aFullStoreEvictsTheQuietestShopperWithAnExit() {
        Scenario small = new Scenario(RULES, ZoneIndex.empty(), new InMemoryPresenceStore(2)).consent("a").consent("b").consent("c");
        long t = Scenario.START;
        for (String shopper : List.of("a", "b", "c")) {
            for (int i = 0; i < 8; i++) {
                t += 1000;
                small.report(List.of(sighting(shopper, "beacon-1", "wine", -60, t)), t);
            }
        }

        assertThat(small.tracker.tracked()).isEqualTo(2);
        assertThat(small.tracker.view("a")).isEmpty();
        assertThat(small.events).filteredOn(e -> e.shopperId().equals("a")).extracting(ZoneEvent::type)
                .containsExactly(ZoneEvent.Type.ENTER, ZoneEvent.Type.EXIT);
        assertThat(small.events).filteredOn(e -> e.type() == ZoneEvent.Type.EXIT).extracting(e -> e.reason().orElseThrow())
                .containsExactly(ExitReason.EVICTED);
        assertThat(small.tracker.counters().evicted()).isEqualTo(1);
    }

    @Test
    void aQuietShopperIsForgottenAfterTheIdleExpiry() {
        scenario.consent("shopper-1");
        stand("shopper-1", 10);
        long last = scenario.now();

        scenario.advanceTo(last + RULES.idleExpiry().toMillis() - 2_000);
        assertThat(scenario.tracker.tracked()).isEqualTo(1);
        scenario.advanceTo(last + RULES.idleExpiry().toMillis() + 1_000);

        assertThat(scenario.tracker.tracked()).isZero();
        assertThat(scenario.timeline()).containsExactly("enter wine", "exit wine");
    }

    @Test
    void forgettingAShopperLeavesNothingAndSendsNoEvent() {
        scenario.consent("shopper-1");
        stand("shopper-1", 10);

        assertThat(scenario.tracker.forget("shopper-1")).isTrue();

        assertThat(scenario.tracker.view("shopper-1")).isEmpty();
        scenario.advanceTo(scenario.now() + 120_000);
        assertThat(scenario.timeline()).containsExactly("enter wine");
    }

    @Test
    void theViewShowsWhatIsHeldForAnExport() {
        scenario.consent("shopper-1");
        stand("shopper-1", 10);

        PresenceView view = scenario.tracker.view("shopper-1").orElseThrow();

        assertThat(view.visits()).singleElement().satisfies(visit -> {
            assertThat(visit.zoneId()).isEqualTo("wine");
            assertThat(visit.byBeacon()).isTrue();
        });
        assertThat(view.beaconZoneId()).contains("wine");
        assertThat(view.heard()).singleElement().satisfies(heard -> {
            assertThat(heard.smoothedRssi()).isEqualTo(-60.0);
            assertThat(heard.estimatedDistanceMeters()).isEqualTo(1.1); // 1 dB below the 1 m power, n = 2
        });
    }

    @Test
    void sightingsOfAnchorsInNoZoneAreCountedNotTracked() {
        scenario.consent("shopper-1");
        scenario.report(List.of(new ProximitySighting("store-1", Optional.of("shopper-1"), "beacon-9", Optional.empty(), -60, -59,
                Instant.ofEpochMilli(Scenario.START))), Scenario.START);

        assertThat(scenario.tracker.counters().unplacedSightings()).isEqualTo(1);
        assertThat(scenario.tracker.tracked()).isZero();
    }

    @Test
    void aSinkThatThrowsIsCountedAndTheTrackerGoesOn() {
        List<ZoneEvent> after = new ArrayList<>();
        long[] now = {Scenario.START};
        PresenceTracker tracker = new PresenceTracker(RULES, ZoneIndex::empty, new InMemoryPresenceStore(10), id -> true,
                event -> {
                    if (after.isEmpty()) {
                        after.add(event);
                        throw new IllegalStateException("sink broken");
                    }
                    after.add(event);
                }, (s, z, at) -> { }, () -> now[0], () -> 1);
        for (int i = 0; i < 8; i++) {
            now[0] += 1000;
            tracker.report(List.of(sighting("shopper-1", "beacon-1", "wine", -60, now[0])));
        }
        now[0] += 60_000;
        tracker.sweep();

        assertThat(tracker.counters().sinkFailures()).isEqualTo(1);
        assertThat(after).extracting(ZoneEvent::type).containsExactly(ZoneEvent.Type.ENTER, ZoneEvent.Type.EXIT);
    }

    /** The shopper stands 1 m from the wine beacon for some seconds, one report a second. */
    private void stand(String shopper, int seconds) {
        for (int i = 1; i <= seconds; i++) {
            long t = Scenario.START + i * 1000L;
            scenario.report(List.of(sighting(shopper, "beacon-1", "wine", -60, t)), t);
        }
    }

    private static ProximitySighting sighting(String shopper, String anchor, String zone, int rssi) {
        return sighting(shopper, anchor, zone, rssi, Scenario.START);
    }

    private static ProximitySighting sighting(String shopper, String anchor, String zone, int rssi, long at) {
        return new ProximitySighting("store-1", Optional.ofNullable(shopper), anchor, Optional.of(zone), rssi, -59, Instant.ofEpochMilli(at));
    }
}
