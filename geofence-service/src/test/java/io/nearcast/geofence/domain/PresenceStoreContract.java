package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link PresenceStore} port's contract; every implementation runs it. */
interface PresenceStoreContract {

    /** A fresh, empty store holding at most {@code capacity} shoppers. */
    PresenceStore store(int capacity);

    @Test
    default void updateCreatesAnEmptyPresenceOnceAndKeepsIt() {
        PresenceStore store = store(10);

        String seen = store.update("s1", Presence::shopperId);

        assertThat(seen).isEqualTo("s1");
        assertThat(store.contains("s1")).isTrue();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.shopperIds()).containsExactly("s1");
    }

    @Test
    default void updateIfPresentDoesNothingForAnUnknownShopper() {
        PresenceStore store = store(10);

        assertThat(store.updateIfPresent("s1", Presence::shopperId)).isEmpty();
        assertThat(store.contains("s1")).isFalse();
    }

    @Test
    default void aRetiredPresenceIsDroppedAfterTheChange() {
        PresenceStore store = store(10);
        store.update("s1", presence -> null);

        store.updateIfPresent("s1", presence -> {
            presence.end(ZoneEvent.ExitReason.EVICTED, new PresenceContext(PresenceRules.defaults(), ZoneIndex.empty(), () -> 1,
                    new PresenceCounters(), event -> { }, 0));
            return null;
        });

        assertThat(store.contains("s1")).isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    default void removeForgetsAndSaysWhetherThereWasAnything() {
        PresenceStore store = store(10);
        store.update("s1", presence -> null);

        assertThat(store.remove("s1")).isTrue();
        assertThat(store.remove("s1")).isFalse();
        assertThat(store.contains("s1")).isFalse();
    }

    @Test
    default void theEvictionCandidateIsTheQuietestWhenFewerThanTheSample() {
        PresenceStore store = store(10);
        PresenceContext early = context(1_000);
        PresenceContext late = context(9_000);
        store.update("late", presence -> offer(presence, late));
        store.update("early", presence -> offer(presence, early));

        assertThat(store.capacity()).isEqualTo(10);
        assertThat(store.evictionCandidate()).contains("early");
    }

    @Test
    default void anEmptyStoreHasNoEvictionCandidate() {
        assertThat(store(1).evictionCandidate()).isEmpty();
    }

    @Test
    @Timeout(20)
    default void changesOfOneShopperNeverOverlap() throws Exception {
        PresenceStore store = store(10);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    store.update("s1", presence -> {
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        inside.decrementAndGet();
                        return null;
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps.get()).isZero();
    }

    private static PresenceContext context(long now) {
        return new PresenceContext(PresenceRules.defaults(), ZoneIndex.empty(), () -> 1, new PresenceCounters(), event -> { }, now);
    }

    private static Void offer(Presence presence, PresenceContext context) {
        presence.offer(new ProximitySighting("store", java.util.Optional.of(presence.shopperId()), "b", java.util.Optional.of("z"), -60, -59,
                java.time.Instant.ofEpochMilli(context.now)), context);
        return null;
    }
}
