package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link Journeys} port's contract; the in-memory journeys and the JDBC ones on H2 and PostgreSQL run it. */
public abstract class JourneysContract {

    private Journeys journeys;

    /** Fresh, empty journeys. */
    protected abstract Journeys freshJourneys() throws Exception;

    @BeforeEach
    void createJourneys() throws Exception {
        journeys = freshJourneys();
    }

    @Test
    void aSavedJourneyReadsBackWithItsVisitsPerStoreSegmentsAndLanguage() {
        Journey journey = new Journey("shopper-1", Optional.of(JourneyStage.CONSIDERING), Map.of("store-1", 3, "store-2", 1),
                Set.of("wine-lovers", "vip", "vegan"), Optional.of(Localized.Language.EN), T0);

        journeys.save(journey);

        assertThat(journeys.find("shopper-1")).contains(journey);
    }

    @Test
    void aJourneyWithoutStageVisitsOrPreferencesReadsBack() {
        Journey journey = Journey.start("shopper-1", T0);

        journeys.save(journey);

        assertThat(journeys.find("shopper-1")).contains(journey);
        assertThat(journeys.find("shopper-2")).isEmpty();
    }

    @Test
    void theLastSaveWinsWhole() {
        journeys.save(new Journey("shopper-1", Optional.of(JourneyStage.AWARE), Map.of("store-1", 2, "store-2", 1), Set.of("vip"),
                Optional.of(Localized.Language.DE), T0));
        Journey later = Journey.start("shopper-1", T0).after(JourneySignal.REDEMPTION, T0.plusSeconds(5)).withVisit("store-3", T0.plusSeconds(6));

        journeys.save(later);

        assertThat(journeys.find("shopper-1")).contains(later);
        assertThat(later.visitsByStore()).containsOnlyKeys("store-3");
        assertThat(later.segments()).isEmpty();
        assertThat(later.language()).isEmpty();
    }

    @Test
    void aJourneyGrowsVisitByVisit() {
        Journey journey = Journey.start("shopper-1", T0);
        for (int visit = 1; visit <= 3; visit++) {
            journey = journey.withVisit("store-1", T0.plus(Duration.ofDays(visit)));
            journeys.save(journey);
        }
        journey = journey.withPreferences(Set.of("families"), Optional.of(Localized.Language.DE), T0.plus(Duration.ofDays(4)));
        journeys.save(journey);

        Journey read = journeys.find("shopper-1").orElseThrow();
        assertThat(read).isEqualTo(journey);
        assertThat(read.visits("store-1")).isEqualTo(3);
    }

    @Test
    @Timeout(60)
    void ofEightConcurrentSavesOfOneShopperOneWinsWhole() throws Exception {
        List<Journey> saved = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            saved.add(new Journey("shopper-1", Optional.of(JourneyStage.values()[t % JourneyStage.values().length]),
                    Map.of("store-" + t, t + 1, "store-x", 10 + t), Set.of("segment-" + t), Optional.empty(), T0.plusSeconds(t)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> savers = new ArrayList<>();
        for (Journey journey : saved) {
            savers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    journeys.save(journey);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> saver : savers) {
            saver.get();
        }
        pool.shutdown();

        assertThat(saved).contains(journeys.find("shopper-1").orElseThrow());
    }

    @Test
    void erasureRemovesOnlyThatShoppersJourney() {
        journeys.save(Journey.start("shopper-1", T0).withVisit("store-1", T0));
        journeys.save(Journey.start("shopper-2", T0).withVisit("store-1", T0));

        assertThat(journeys.erase("shopper-1")).isEqualTo(1);
        assertThat(journeys.erase("shopper-1")).isZero();

        assertThat(journeys.find("shopper-1")).isEmpty();
        assertThat(journeys.find("shopper-2").orElseThrow().visits("store-1")).isEqualTo(1);
    }

    @Test
    void anErasedShopperStartsOverWithoutTheirOldVisits() {
        journeys.save(Journey.start("shopper-1", T0).withVisit("store-1", T0).withVisit("store-2", T0));
        journeys.erase("shopper-1");
        Journey fresh = Journey.start("shopper-1", T0.plusSeconds(60));

        journeys.save(fresh);

        assertThat(journeys.find("shopper-1")).contains(fresh);
    }

    @Test
    void retentionRemovesTheJourneysNotUpdatedSinceTheCutoff() {
        journeys.save(Journey.start("shopper-1", T0).withVisit("store-1", T0));
        journeys.save(Journey.start("shopper-2", T0.plusSeconds(1)));
        journeys.save(Journey.start("shopper-3", T0.plusSeconds(2)));

        assertThat(journeys.purgeNotUpdatedSince(T0.plusSeconds(1))).isEqualTo(1);

        assertThat(journeys.find("shopper-1")).isEmpty();
        assertThat(journeys.find("shopper-2")).isPresent();
        assertThat(journeys.find("shopper-3")).isPresent();
    }
}
