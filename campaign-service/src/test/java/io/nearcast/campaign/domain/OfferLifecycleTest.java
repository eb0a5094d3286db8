package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An offer after delivery: opened, redeemed at the till once, dismissed by its shopper, or expired. */
class OfferLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-06-10T08:00:00Z");
    private static final String SHOPPER = "shopper-1";

    private final TestShop shop = new TestShop(T0).with(campaign("cmp-a").variants(2).validity(Duration.ofMinutes(30)));
    private final Offer offer = shop.offer(shop.decide(SHOPPER));
    private final CampaignTally tally = shop.tallies.find("cmp-a").orElseThrow();

    @Test
    void redeemsOnceAndASecondRedemptionConflicts() {
        shop.clock.advance(Duration.ofMinutes(5));

        Offer redeemed = shop.lifecycle.redeem(TestShop.STAFF, offer.id());

        assertThat(redeemed.status()).isEqualTo(OfferStatus.REDEEMED);
        assertThat(redeemed.closedAt()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(shop.ledger.find(offer.id())).contains(redeemed);
        assertThat(tally.successes(offer.variant())).isEqualTo(1);
        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.STAFF, offer.id())).isInstanceOf(Conflict.class).hasMessageContaining("already redeemed");
        assertThat(tally.successes(offer.variant())).isEqualTo(1);
        assertThat(shop.stats.of("cmp-a")).singleElement().satisfies(row -> assertThat(row.count(Metric.REDEEMED)).isEqualTo(1));
    }

    @Test
    void anAdminMayRedeemToo() {
        assertThat(shop.lifecycle.redeem(Caller.bootstrapAdmin(), offer.id()).status()).isEqualTo(OfferStatus.REDEEMED);
    }

    @Test
    void staffOfAnotherStoreFindNoSuchOffer() {
        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.OTHER_STAFF, offer.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> shop.lifecycle.get(TestShop.OTHER_STAFF, offer.id())).isInstanceOf(NotFound.class);

        assertThat(shop.ledger.find(offer.id()).orElseThrow().status()).isEqualTo(OfferStatus.DELIVERED);
        assertThat(tally.total(Metric.REDEEMED)).isZero();
    }

    @Test
    void aShopperTokenCannotRedeemEvenItsOwnOffer() {
        assertThatThrownBy(() -> shop.lifecycle.redeem(Caller.shopper(SHOPPER), offer.id())).isInstanceOf(Forbidden.class);

        assertThat(shop.ledger.find(offer.id()).orElseThrow().status()).isEqualTo(OfferStatus.DELIVERED);
    }

    @Test
    void anUnknownOfferIsNotFound() {
        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.STAFF, "offer-none")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> shop.lifecycle.dismiss(Caller.shopper(SHOPPER), "offer-none")).isInstanceOf(NotFound.class);
        assertThat(shop.lifecycle.open("offer-none")).isEmpty();
    }

    @Test
    void anExpiredOfferCannotBeRedeemed() {
        shop.clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.STAFF, offer.id())).isInstanceOf(Conflict.class).hasMessageContaining("expired at");
        assertThat(shop.lifecycle.expire()).isEqualTo(1);
        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.STAFF, offer.id())).isInstanceOf(Conflict.class).hasMessageContaining("already expired");
        assertThatThrownBy(() -> shop.lifecycle.dismiss(Caller.shopper(SHOPPER), offer.id())).isInstanceOf(Conflict.class);

        assertThat(tally.total(Metric.REDEEMED)).isZero();
        assertThat(tally.failures(offer.variant())).as("an expiry teaches the bandit a failure").isEqualTo(1);
    }

    @Test
    void offersExpireOnceAtTheirExpiryTime() {
        shop.clock.advance(Duration.ofMinutes(29));
        assertThat(shop.lifecycle.expire()).isZero();
        shop.clock.advance(Duration.ofMinutes(10));

        assertThat(shop.lifecycle.expire()).isEqualTo(1);
        assertThat(shop.lifecycle.expire()).isZero();

        Offer expired = shop.ledger.find(offer.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(expired.closedAt()).contains(offer.expiresAt());
        assertThat(tally.total(Metric.EXPIRED)).isEqualTo(1);
    }

    @Test
    void onlyTheShopperItWasMadeToMayDismissIt() {
        assertThatThrownBy(() -> shop.lifecycle.dismiss(Caller.shopper("shopper-2"), offer.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> shop.lifecycle.dismiss(TestShop.STAFF, offer.id())).isInstanceOf(NotFound.class);
        assertThat(tally.total(Metric.DISMISSED)).isZero();

        Offer dismissed = shop.lifecycle.dismiss(Caller.shopper(SHOPPER), offer.id());

        assertThat(dismissed.status()).isEqualTo(OfferStatus.DISMISSED);
        assertThat(tally.failures(offer.variant())).isEqualTo(1);
        assertThatThrownBy(() -> shop.lifecycle.dismiss(Caller.shopper(SHOPPER), offer.id())).isInstanceOf(Conflict.class)
                .hasMessageContaining("already dismissed");
        assertThatThrownBy(() -> shop.lifecycle.redeem(TestShop.STAFF, offer.id())).isInstanceOf(Conflict.class);
        assertThat(tally.total(Metric.DISMISSED)).isEqualTo(1);
    }

    @Test
    void openingCountsOnceAndMovesTheJourney() {
        assertThat(shop.stage(SHOPPER)).contains(JourneyStage.AWARE);
        shop.clock.advance(Duration.ofMinutes(2));

        Offer opened = shop.lifecycle.open(offer.id()).orElseThrow();
        shop.clock.advance(Duration.ofMinutes(2));
        Offer again = shop.lifecycle.open(offer.id()).orElseThrow();

        assertThat(opened.status()).isEqualTo(OfferStatus.OPENED);
        assertThat(opened.openedAt()).contains(T0.plus(Duration.ofMinutes(2)));
        assertThat(again).isEqualTo(opened);
        assertThat(tally.total(Metric.OPENED)).isEqualTo(1);
        assertThat(shop.stage(SHOPPER)).contains(JourneyStage.CONSIDERING);
        assertThat(shop.lifecycle.redeem(TestShop.STAFF, offer.id()).status()).as("an opened offer is still open").isEqualTo(OfferStatus.REDEEMED);
        assertThat(shop.stage(SHOPPER)).contains(JourneyStage.PURCHASED);
    }

    @Test
    void aClosedOfferStillShowsButItsOpeningCountsNothing() {
        shop.lifecycle.dismiss(Caller.shopper(SHOPPER), offer.id());

        Offer shown = shop.lifecycle.open(offer.id()).orElseThrow();

        assertThat(shown.status()).isEqualTo(OfferStatus.DISMISSED);
        assertThat(shown.openedAt()).isEmpty();
        assertThat(tally.total(Metric.OPENED)).isZero();
        assertThat(shop.stage(SHOPPER)).contains(JourneyStage.AWARE);
    }

    @Test
    void theShopperAndStaffOfTheStoreMaySeeTheOffer() {
        assertThat(shop.lifecycle.get(Caller.shopper(SHOPPER), offer.id())).isEqualTo(offer);
        assertThat(shop.lifecycle.get(TestShop.STAFF, offer.id())).isEqualTo(offer);
        assertThatThrownBy(() -> shop.lifecycle.get(Caller.shopper("shopper-2"), offer.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void withoutConsentARedemptionCountsButMovesNoJourney() {
        shop.withoutConsent.add(SHOPPER);

        shop.lifecycle.redeem(TestShop.STAFF, offer.id());

        assertThat(tally.total(Metric.REDEEMED)).isEqualTo(1);
        assertThat(shop.stage(SHOPPER)).contains(JourneyStage.AWARE);
    }

    @Test
    @Timeout(30)
    void simultaneousRedemptionsSucceedOnce() throws Exception {
        int tills = 16;
        ExecutorService pool = Executors.newFixedThreadPool(tills);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Optional<Offer>>> results = new ArrayList<>();
            for (int i = 0; i < tills; i++) {
                Callable<Optional<Offer>> redeem = () -> {
                    gate.await();
                    try {
                        return Optional.of(shop.lifecycle.redeem(TestShop.STAFF, offer.id()));
                    } catch (Conflict e) {
                        return Optional.empty();
                    }
                };
                results.add(pool.submit(redeem));
            }
            gate.countDown();
            int succeeded = 0;
            for (Future<Optional<Offer>> result : results) {
                succeeded += result.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }

            assertThat(succeeded).isEqualTo(1);
            assertThat(tally.total(Metric.REDEEMED)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
