package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.Samples.T0;
import static io.nearcast.campaign.domain.Samples.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link OfferLedger} port's contract; the in-memory ledger and the JDBC one on H2 and PostgreSQL run it. */
public abstract class OfferLedgerContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private OfferLedger offers;

    /** A fresh, empty ledger. */
    protected abstract OfferLedger freshLedger() throws Exception;

    @BeforeEach
    void createLedger() throws Exception {
        offers = freshLedger();
    }

    @Test
    void anAddedOfferReadsBackEqualWithAndWithoutAZone() {
        Offer inZone = offer("off-1", "shopper-1", T0);
        Offer anywhere = new Offer("off-2", "cmp-2", 0, "shopper-1", "store-2", Optional.empty(), "store-2@1", "dec-2", T0, T0.plus(MINUTE),
                OfferStatus.DELIVERED, Optional.empty(), Optional.empty());

        offers.add(inZone);
        offers.add(anywhere);

        assertThat(offers.find("off-1")).contains(inZone);
        assertThat(offers.find("off-2")).contains(anywhere);
        assertThat(offers.find("off-3")).isEmpty();
    }

    @Test
    void addingATakenIdIsRefusedAndKeepsTheFirstOffer() {
        Offer first = offer("off-1", "shopper-1", T0);
        offers.add(first);

        assertThatThrownBy(() -> offers.add(offer("off-1", "shopper-2", T0.plusSeconds(1)))).isInstanceOf(IllegalStateException.class);
        assertThat(offers.find("off-1")).contains(first);
        assertThat(offers.ofShopper("shopper-2")).isEmpty();
    }

    @Test
    void deliveredSinceIncludesItsBoundAndListsOldestFirst() {
        offers.add(offer("off-1", "shopper-1", T0));
        offers.add(offer("off-2", "shopper-1", T0.plus(Duration.ofHours(1))));
        offers.add(offer("off-3", "shopper-2", T0.plus(Duration.ofHours(1))));
        offers.add(offer("off-4", "shopper-1", T0.plus(Duration.ofHours(2))));

        assertThat(offers.deliveredSince("shopper-1", T0.plus(Duration.ofHours(1)))).extracting(Offer::id).containsExactly("off-2", "off-4");
        assertThat(offers.deliveredSince("shopper-1", T0.minusSeconds(1))).extracting(Offer::id).containsExactly("off-1", "off-2", "off-4");
        assertThat(offers.deliveredSince("shopper-1", T0.plus(Duration.ofHours(2)).plusNanos(1_000))).isEmpty();
        assertThat(offers.deliveredSince("shopper-3", T0)).isEmpty();
    }

    @Test
    void aShoppersOffersAreOnlyTheirsOldestFirst() {
        offers.add(offer("off-1", "shopper-1", T0));
        offers.add(offer("off-2", "shopper-2", T0.plusSeconds(1)));
        offers.add(offer("off-3", "shopper-1", T0.plusSeconds(2)));

        assertThat(offers.ofShopper("shopper-1")).extracting(Offer::id).containsExactly("off-1", "off-3");
        assertThat(offers.ofShopper("shopper-3")).isEmpty();
    }

    @Test
    void anOfferIsRedeemedOnceAndTheSecondRedemptionChangesNothing() {
        offers.add(offer("off-1", "shopper-1", T0));
        Instant at = T0.plus(Duration.ofMinutes(10));

        Optional<Offer> redeemed = offers.transition("off-1", OfferStatus.REDEEMED, at);

        assertThat(redeemed).isPresent();
        assertThat(redeemed.get().status()).isEqualTo(OfferStatus.REDEEMED);
        assertThat(redeemed.get().closedAt()).contains(at);
        assertThat(offers.transition("off-1", OfferStatus.REDEEMED, at.plus(MINUTE))).isEmpty();
        assertThat(offers.find("off-1")).isEqualTo(redeemed);
    }

    @Test
    void anOfferThatHasExpiredByThenCanNeitherBeRedeemedNorDismissed() {
        Offer offer = offer("off-1", "shopper-1", T0);
        offers.add(offer);

        assertThat(offers.transition("off-1", OfferStatus.REDEEMED, offer.expiresAt())).isEmpty();
        assertThat(offers.transition("off-1", OfferStatus.REDEEMED, offer.expiresAt().plus(MINUTE))).isEmpty();
        assertThat(offers.transition("off-1", OfferStatus.DISMISSED, offer.expiresAt())).isEmpty();

        assertThat(offers.find("off-1")).contains(offer);
    }

    @Test
    void anOfferCanBeRedeemedUpToJustBeforeItExpires() {
        Offer offer = offer("off-1", "shopper-1", T0);
        offers.add(offer);

        assertThat(offers.transition("off-1", OfferStatus.REDEEMED, offer.expiresAt().minusNanos(1_000))).map(Offer::status).contains(OfferStatus.REDEEMED);
    }

    @Test
    void aRedeemedOfferCannotBeDismissedOrExpiredAfterwards() {
        offers.add(offer("off-1", "shopper-1", T0));
        Offer redeemed = offers.transition("off-1", OfferStatus.REDEEMED, T0.plus(MINUTE)).orElseThrow();

        assertThat(offers.transition("off-1", OfferStatus.DISMISSED, T0.plus(Duration.ofMinutes(2)))).isEmpty();
        assertThat(offers.transition("off-1", OfferStatus.EXPIRED, T0.plus(Duration.ofMinutes(3)))).isEmpty();
        assertThat(offers.expire(T0.plus(Duration.ofDays(1)))).isEmpty();

        assertThat(offers.find("off-1")).contains(redeemed);
    }

    @Test
    void openingRecordsTheFirstOpeningOnlyAndARedemptionKeepsIt() {
        offers.add(offer("off-1", "shopper-1", T0));
        Instant opened = T0.plus(MINUTE);
        Instant redeemedAt = T0.plus(Duration.ofMinutes(5));

        Offer open = offers.transition("off-1", OfferStatus.OPENED, opened).orElseThrow();
        assertThat(open.status()).isEqualTo(OfferStatus.OPENED);
        assertThat(open.openedAt()).contains(opened);
        assertThat(open.closedAt()).isEmpty();
        assertThat(offers.transition("off-1", OfferStatus.OPENED, opened.plus(MINUTE))).isEmpty();

        Offer redeemed = offers.transition("off-1", OfferStatus.REDEEMED, redeemedAt).orElseThrow();

        assertThat(redeemed.status()).isEqualTo(OfferStatus.REDEEMED);
        assertThat(redeemed.openedAt()).contains(opened);
        assertThat(redeemed.closedAt()).contains(redeemedAt);
        assertThat(offers.find("off-1")).contains(redeemed);
    }

    @Test
    void openingAClosedOfferChangesNothing() {
        offers.add(offer("off-1", "shopper-1", T0));
        Offer dismissed = offers.transition("off-1", OfferStatus.DISMISSED, T0.plus(MINUTE)).orElseThrow();

        assertThat(offers.transition("off-1", OfferStatus.OPENED, T0.plus(Duration.ofMinutes(2)))).isEmpty();

        assertThat(offers.find("off-1")).contains(dismissed);
        assertThat(dismissed.status()).isEqualTo(OfferStatus.DISMISSED);
        assertThat(dismissed.openedAt()).isEmpty();
    }

    @Test
    void movingAnUnknownOfferChangesNothing() {
        assertThat(offers.transition("off-1", OfferStatus.OPENED, T0)).isEmpty();
        assertThat(offers.transition("off-1", OfferStatus.REDEEMED, T0)).isEmpty();
        assertThat(offers.find("off-1")).isEmpty();
    }

    @Test
    @Timeout(60)
    void ofSixteenThreadsRedeemingOneOfferExactlyOneSucceeds() throws Exception {
        offers.add(offer("off-1", "shopper-1", T0));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Offer>>> redeemers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Instant at = T0.plusSeconds(60 + t);
            redeemers.add(pool.submit(() -> {
                start.await();
                return offers.transition("off-1", OfferStatus.REDEEMED, at);
            }));
        }
        start.countDown();
        List<Offer> succeeded = new ArrayList<>();
        for (Future<Optional<Offer>> redeemer : redeemers) {
            redeemer.get().ifPresent(succeeded::add);
        }
        pool.shutdown();

        assertThat(succeeded).hasSize(1);
        assertThat(offers.find("off-1")).contains(succeeded.get(0));
    }

    @Test
    void expiryClosesTheOpenOffersDueByNowAtTheirExpiryTimeOnce() {
        Offer due = offer("off-1", "shopper-1", T0);
        Offer dueNow = offer("off-2", "shopper-2", T0.plus(Duration.ofHours(1)));
        Offer later = offer("off-3", "shopper-1", T0.plus(Duration.ofHours(2)));
        Offer redeemed = offer("off-4", "shopper-1", T0);
        offers.add(due);
        offers.add(dueNow);
        offers.add(later);
        offers.add(redeemed);
        Instant opened = T0.plus(Duration.ofHours(1)).plus(MINUTE);
        offers.transition("off-2", OfferStatus.OPENED, opened).orElseThrow();
        offers.transition("off-4", OfferStatus.REDEEMED, T0.plus(MINUTE)).orElseThrow();
        Instant now = dueNow.expiresAt();

        List<Offer> expired = offers.expire(now);

        assertThat(expired).extracting(Offer::id).containsExactlyInAnyOrder("off-1", "off-2");
        for (Offer offer : expired) {
            assertThat(offer.status()).isEqualTo(OfferStatus.EXPIRED);
            assertThat(offer.closedAt()).contains(offer.expiresAt());
            assertThat(offers.find(offer.id())).contains(offer);
        }
        assertThat(offers.find("off-2").orElseThrow().openedAt()).contains(opened);
        assertThat(offers.expire(now)).isEmpty();
        assertThat(offers.find("off-3")).contains(later);
        assertThat(offers.find("off-4").orElseThrow().status()).isEqualTo(OfferStatus.REDEEMED);
    }

    @Test
    void anOfferCanBeExpiredDirectly() {
        offers.add(offer("off-1", "shopper-1", T0));
        Instant at = T0.plus(Duration.ofHours(3));

        Offer expired = offers.transition("off-1", OfferStatus.EXPIRED, at).orElseThrow();

        assertThat(expired.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(expired.closedAt()).contains(at);
        assertThat(offers.expire(at.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    @Timeout(60)
    void expiryRunningOnEightThreadsAtOnceReturnsEachOfferOnce() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            offers.add(offer("off-" + i, "shopper-" + i % 7, T0.plusSeconds(i)));
            ids.add("off-" + i);
        }
        Instant now = T0.plus(Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Offer>>> sweepers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            sweepers.add(pool.submit(() -> {
                start.await();
                return offers.expire(now);
            }));
        }
        start.countDown();
        List<String> expired = new ArrayList<>();
        for (Future<List<Offer>> sweeper : sweepers) {
            sweeper.get().forEach(offer -> expired.add(offer.id()));
        }
        pool.shutdown();

        assertThat(expired).hasSize(60).doesNotHaveDuplicates();
        assertThat(new HashSet<>(expired)).isEqualTo(ids);
    }

    @Test
    void erasureRemovesOnlyThatShoppersOffers() {
        offers.add(offer("off-1", "shopper-1", T0));
        offers.add(offer("off-2", "shopper-1", T0.plusSeconds(1)));
        offers.add(offer("off-3", "shopper-2", T0));

        assertThat(offers.erase("shopper-1")).isEqualTo(2);
        assertThat(offers.erase("shopper-1")).isZero();

        assertThat(offers.ofShopper("shopper-1")).isEmpty();
        assertThat(offers.find("off-1")).isEmpty();
        assertThat(offers.ofShopper("shopper-2")).extracting(Offer::id).containsExactly("off-3");
    }

    @Test
    void retentionRemovesTheOffersDeliveredBeforeTheCutoff() {
        offers.add(offer("off-1", "shopper-1", T0));
        offers.add(offer("off-2", "shopper-2", T0.plusSeconds(1)));
        offers.add(offer("off-3", "shopper-1", T0.plusSeconds(2)));

        assertThat(offers.purgeDeliveredBefore(T0.plusSeconds(1))).isEqualTo(1);

        assertThat(offers.find("off-1")).isEmpty();
        assertThat(offers.ofShopper("shopper-1")).extracting(Offer::id).containsExactly("off-3");
        assertThat(offers.ofShopper("shopper-2")).extracting(Offer::id).containsExactly("off-2");
    }
}
