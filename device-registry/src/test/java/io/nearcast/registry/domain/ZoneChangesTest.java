package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fan-out of zone changes: every listener once per change, in order; a failing one counted, not fatal. */
class ZoneChangesTest {

    private static final StoreId STORE = StoreId.random();

    private final ZoneChanges changes = new ZoneChanges();

    @Test
    void tellsEveryListenerOnceInTheOrderTheySubscribed() {
        List<String> calls = new CopyOnWriteArrayList<>();
        changes.subscribe(storeId -> calls.add("first " + storeId));
        changes.subscribe(storeId -> calls.add("second " + storeId));

        changes.changed(STORE);

        assertThat(calls).containsExactly("first " + STORE, "second " + STORE);
    }

    @Test
    void aListenerSubscribedTwiceIsToldOnceAndNotAfterUnsubscribing() {
        AtomicInteger calls = new AtomicInteger();
        ZoneListener listener = storeId -> calls.incrementAndGet();
        changes.subscribe(listener);
        changes.subscribe(listener);

        changes.changed(STORE);
        assertThat(changes.unsubscribe(listener)).isTrue();
        changes.changed(STORE);

        assertThat(calls).hasValue(1);
        assertThat(changes.unsubscribe(listener)).isFalse();
    }

    @Test
    void aFailingListenerIsCountedAndReportedAndTheOthersAreStillTold() {
        List<String> reported = new CopyOnWriteArrayList<>();
        ZoneChanges reporting = new ZoneChanges((listener, storeId, failure) -> reported.add(storeId + ": " + failure.getMessage()));
        List<StoreId> told = new CopyOnWriteArrayList<>();
        reporting.subscribe(storeId -> {
            throw new IllegalStateException("boom");
        });
        reporting.subscribe(told::add);

        reporting.changed(STORE);
        reporting.changed(STORE);

        assertThat(told).containsExactly(STORE, STORE);
        assertThat(reporting.failures()).isEqualTo(2);
        assertThat(reported).containsExactly(STORE + ": boom", STORE + ": boom");
    }

    @Test
    void aFailureHandlerThatThrowsDoesNotStopTheOthers() {
        ZoneChanges reporting = new ZoneChanges((listener, storeId, failure) -> {
            throw new IllegalStateException("the log is broken too");
        });
        List<StoreId> told = new CopyOnWriteArrayList<>();
        reporting.subscribe(storeId -> {
            throw new IllegalStateException("boom");
        });
        reporting.subscribe(told::add);

        reporting.changed(STORE);

        assertThat(told).containsExactly(STORE);
        assertThat(reporting.failures()).isOne();
    }

    @Test
    void anErrorIsNotSwallowed() {
        changes.subscribe(storeId -> {
            throw new AssertionError("a bug");
        });

        assertThatThrownBy(() -> changes.changed(STORE)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aListenerSubscribedDuringAnAnnouncementIsToldFromTheNextOn() {
        List<String> calls = new CopyOnWriteArrayList<>();
        ZoneListener late = storeId -> calls.add("late");
        changes.subscribe(storeId -> {
            calls.add("early");
            changes.subscribe(late);
        });

        changes.changed(STORE);
        changes.changed(STORE);

        assertThat(calls).containsExactly("early", "early", "late");
    }

    @Test
    @Timeout(30)
    void announcementsFromManyThreadsReachEveryListenerEachTime() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        changes.subscribe(storeId -> first.incrementAndGet());
        changes.subscribe(storeId -> second.incrementAndGet());
        int threads = 8;
        int perThread = 250;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        changes.changed(STORE);
                        changes.subscribe(storeId -> { });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(first).hasValue(threads * perThread);
        assertThat(second).hasValue(threads * perThread);
    }
}
