package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand occasions decided at the same moment, each on its own thread, released together:
 * the caps and the budget must hold exactly, as they would one occasion after the other.
 */
class DecisionConcurrencyTest {

    private static final int OCCASIONS = 1_000;
    private static final Instant NOON = Instant.parse("2026-06-10T10:00:00Z"); // 12:00 in Berlin

    @Test
    @Timeout(60)
    void aThousandSimultaneousOccasionsOfOneShopperMakeExactlyOneOffer() throws InterruptedException {
        TestShop shop = new TestShop(NOON).with(campaign("cmp-riesling").perDay(1));

        List<Optional<Decision>> results = releaseTogether(i -> shop.occasion("shopper-1", TriggerType.ENTER), shop);

        assertThat(results).allSatisfy(result -> assertThat(result).isPresent());
        assertThat(shop.ledger.ofShopper("shopper-1")).hasSize(1);
        assertThat(shop.delivered).hasSize(1);
        assertThat(shop.delivered.peek()).isEqualTo(shop.ledger.ofShopper("shopper-1").get(0));
        List<Decision> decisions = shop.decisions.ofShopper("shopper-1");
        assertThat(decisions).hasSize(OCCASIONS);
        assertThat(decisions).filteredOn(d -> d.offerId().isPresent()).hasSize(1)
                .allSatisfy(d -> assertThat(d.explanation()).isEqualTo("cmp-riesling:chosen"));
        assertThat(decisions).filteredOn(d -> d.offerId().isEmpty()).hasSize(OCCASIONS - 1)
                .allSatisfy(d -> assertThat(d.explanation()).isIn("cmp-riesling:same-visit", "cmp-riesling:cap-per-day"));
        assertThat(shop.tallies.find("cmp-riesling").orElseThrow().total(Metric.DELIVERED)).isEqualTo(1);
        assertThat(shop.handler.counters().decisions.sum()).isEqualTo(OCCASIONS);
        assertThat(shop.handler.counters().offers.sum()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aThousandSimultaneousShoppersGetExactlyTheBudgetOfTenDeliveries() throws InterruptedException {
        TestShop shop = new TestShop(NOON).with(campaign("cmp-tasting").maxDeliveries(10));

        List<Optional<Decision>> results = releaseTogether(i -> shop.occasion("shopper-" + i, TriggerType.ENTER), shop);

        List<Decision> decisions = results.stream().map(Optional::orElseThrow).toList();
        assertThat(decisions.stream().filter(d -> d.offerId().isPresent()).count()).isEqualTo(10);
        Map<String, Long> explanations = decisions.stream().collect(Collectors.groupingBy(Decision::explanation, Collectors.counting()));
        assertThat(explanations).containsOnly(Map.entry("cmp-tasting:chosen", 10L), Map.entry("cmp-tasting:budget-deliveries", 990L));
        long offers = 0;
        for (int i = 0; i < OCCASIONS; i++) {
            offers += shop.ledger.ofShopper("shopper-" + i).size();
        }
        assertThat(offers).isEqualTo(10);
        assertThat(shop.delivered).hasSize(10);
        assertThat(shop.delivered.stream().map(Offer::shopperId).distinct()).hasSize(10);
        CampaignTally tally = shop.tallies.find("cmp-tasting").orElseThrow();
        assertThat(tally.deliveriesReserved()).isEqualTo(10);
        assertThat(tally.total(Metric.DELIVERED)).isEqualTo(10);
        assertThat(shop.decisions.size()).isEqualTo(OCCASIONS);
    }

    /** Starts one thread per occasion, lets all of them wait at a gate, opens it and collects the results in order. */
    private static List<Optional<Decision>> releaseTogether(IntFunction<Occasion> occasions, TestShop shop) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(OCCASIONS);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(OCCASIONS);
        List<AtomicReference<Optional<Decision>>> results = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < OCCASIONS; i++) {
            Occasion occasion = occasions.apply(i);
            AtomicReference<Optional<Decision>> result = new AtomicReference<>();
            results.add(result);
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    gate.await();
                    result.set(shop.handle(occasion));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "occasion-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads at the gate").isTrue();
        gate.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).as("all occasions decided").isTrue();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
        return results.stream().map(AtomicReference::get).toList();
    }
}
