package io.nearcast.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Campaign dwell times: started on enter, cancelled on exit, each handed out once when reached. */
class DwellTimersTest {

    private static final Instant ENTERED = Instant.parse("2026-06-10T08:00:00Z");
    private static final Duration HALF_MINUTE = Duration.ofSeconds(30);
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    private final DwellTimers timers = new DwellTimers();

    @Test
    void handsOutEachDwellTimeOnceWhenItIsReached() {
        timers.entered("visit-1", "shopper-1", "store-1", "wine", ENTERED, Set.of(TWO_MINUTES, HALF_MINUTE));

        assertThat(timers.due(ENTERED.plusSeconds(29))).isEmpty();
        List<Occasion> first = timers.due(ENTERED.plus(HALF_MINUTE));
        assertThat(first).containsExactly(new Occasion("shopper-1", "store-1", Optional.of("wine"), TriggerType.DWELL, Optional.of(HALF_MINUTE),
                Optional.empty(), "visit-1", ENTERED.plus(HALF_MINUTE)));
        assertThat(timers.due(ENTERED.plusSeconds(60))).as("handed out once").isEmpty();
        assertThat(timers.size()).isEqualTo(1);

        List<Occasion> second = timers.due(ENTERED.plus(Duration.ofMinutes(10)));
        assertThat(second).extracting(Occasion::dwellThreshold).containsExactly(Optional.of(TWO_MINUTES));
        assertThat(second.get(0).at()).as("when the time was reached, not when it was noticed").isEqualTo(ENTERED.plus(TWO_MINUTES));
        assertThat(timers.size()).isZero();
    }

    @Test
    void handsOutEveryTimeReachedAtOnceShortestFirst() {
        timers.entered("visit-1", "shopper-1", "store-1", "wine", ENTERED, Set.of(TWO_MINUTES, HALF_MINUTE, Duration.ofMinutes(1)));

        assertThat(timers.due(ENTERED.plus(Duration.ofHours(1)))).extracting(o -> o.dwellThreshold().orElseThrow())
                .containsExactly(HALF_MINUTE, Duration.ofMinutes(1), TWO_MINUTES);
    }

    @Test
    void anExitCancelsTheVisitsTimers() {
        timers.entered("visit-1", "shopper-1", "store-1", "wine", ENTERED, Set.of(HALF_MINUTE));
        timers.entered("visit-2", "shopper-2", "store-1", "wine", ENTERED, Set.of(HALF_MINUTE));

        timers.exited("visit-1");

        assertThat(timers.due(ENTERED.plus(TWO_MINUTES))).extracting(Occasion::shopperId).containsExactly("shopper-2");
    }

    @Test
    void aZoneWithoutCampaignDwellTimesHoldsNothing() {
        timers.entered("visit-1", "shopper-1", "store-1", "wine", ENTERED, Set.of());

        assertThat(timers.size()).isZero();
        assertThat(timers.holds("shopper-1")).isFalse();
    }

    @Test
    void forgettingAShopperDropsTheirTimersOnly() {
        timers.entered("visit-1", "shopper-1", "store-1", "wine", ENTERED, Set.of(HALF_MINUTE));
        timers.entered("visit-2", "shopper-1", "store-1", "cheese", ENTERED, Set.of(HALF_MINUTE));
        timers.entered("visit-3", "shopper-2", "store-1", "wine", ENTERED, Set.of(HALF_MINUTE));

        assertThat(timers.forget("shopper-1")).isEqualTo(2);

        assertThat(timers.holds("shopper-1")).isFalse();
        assertThat(timers.holds("shopper-2")).isTrue();
        assertThat(timers.forget("shopper-1")).isZero();
        assertThat(timers.due(ENTERED.plus(TWO_MINUTES))).extracting(Occasion::source).containsExactly("visit-3");
    }

    @Test
    void theCatalogNamesTheDistinctDwellTimesOfAZone() {
        CampaignCatalog catalog = new CampaignCatalog();
        catalog.replace(List.of(CampaignBuilder.campaign("a").dwell(HALF_MINUTE).zones("wine").build(),
                CampaignBuilder.campaign("b").dwell(HALF_MINUTE).build(),
                CampaignBuilder.campaign("c").dwell(TWO_MINUTES).zones("wine").build(),
                CampaignBuilder.campaign("d").dwell(Duration.ofMinutes(5)).zones("cheese").build(),
                CampaignBuilder.campaign("e").trigger(TriggerType.DWELL).zones("wine").build()), java.util.Map.of(TestShop.STORE, TestShop.BERLIN));

        assertThat(catalog.store(TestShop.STORE).orElseThrow().dwellTimes("wine")).containsExactly(HALF_MINUTE, TWO_MINUTES);
        assertThat(catalog.store(TestShop.STORE).orElseThrow().dwellTimes("bakery")).containsExactly(HALF_MINUTE);
    }

    @Test
    @Timeout(30)
    void simultaneousSweepsHandOutEachTimeExactlyOnce() throws Exception {
        int visits = 2_000;
        for (int i = 0; i < visits; i++) {
            timers.entered("visit-" + i, "shopper-" + i, "store-1", "wine", ENTERED, Set.of(HALF_MINUTE, TWO_MINUTES));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            ConcurrentLinkedQueue<Occasion> handedOut = new ConcurrentLinkedQueue<>();
            List<Future<?>> sweeps = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                sweeps.add(pool.submit(() -> {
                    gate.await();
                    for (int round = 0; round < 20; round++) {
                        handedOut.addAll(timers.due(ENTERED.plus(Duration.ofHours(1))));
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> sweep : sweeps) {
                sweep.get(20, TimeUnit.SECONDS);
            }

            assertThat(handedOut).hasSize(2 * visits);
            assertThat(handedOut.stream().map(o -> o.source() + "/" + o.dwellThreshold().orElseThrow()).distinct()).hasSize(2 * visits);
            assertThat(timers.size()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
