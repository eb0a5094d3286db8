package io.nearcast.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The processing policy's cache never outlives a consent change, whatever the threads do. */
@Timeout(60)
class ProcessingPolicyTest {

    private static final ShopperId SHOPPER = ShopperId.random();

    private final AtomicReference<Boolean> ledgerAllowsLocation = new AtomicReference<>(true);
    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ConsentState ledgerNow() {
        return state(ledgerAllowsLocation.get());
    }

    private static ConsentState state(boolean location) {
        return ConsentState.of(List.of(new ConsentEntry(SHOPPER, Purpose.LOCATION, location, Instant.EPOCH, "app", "v1")));
    }

    @Test
    void aRevocationIsSeenByTheNextDecisionEvenWhileAStaleLoadIsInFlight() throws Exception {
        CountDownLatch staleLoadRead = new CountDownLatch(1);
        CountDownLatch releaseStaleLoad = new CountDownLatch(1);
        AtomicBoolean firstLoad = new AtomicBoolean(true);
        ProcessingPolicy policy = new ProcessingPolicy(shopper -> {
            ConsentState read = ledgerNow();
            if (firstLoad.getAndSet(false)) {
                staleLoadRead.countDown();
                await(releaseStaleLoad);
            }
            return read;
        });
        Future<Boolean> inFlight = threads.submit(() -> policy.mayProcess(SHOPPER, Purpose.LOCATION));
        assertThat(staleLoadRead.await(10, TimeUnit.SECONDS)).isTrue();

        ledgerAllowsLocation.set(false);          // GIVEN the ledger now holds the revocation
        policy.consentChanged(SHOPPER);           // AND the policy was told
        releaseStaleLoad.countDown();             // WHEN the load that read the old state finishes

        assertThat(inFlight.get(10, TimeUnit.SECONDS)).as("a decision begun before the revocation may still see the grant").isTrue();
        assertThat(threads.submit(() -> policy.mayProcess(SHOPPER, Purpose.LOCATION)).get(10, TimeUnit.SECONDS))
                .as("THEN the next decision, in another thread, sees the revocation").isFalse();
        assertThat(policy.mayProcess(SHOPPER, Purpose.LOCATION)).isFalse();
    }

    @Test
    void everyChangeIsSeenByTheNextDecisionInAnyThreadWhileOthersKeepDeciding() throws Exception {
        ProcessingPolicy policy = new ProcessingPolicy(shopper -> ledgerNow());
        AtomicBoolean running = new AtomicBoolean(true);
        for (int i = 0; i < 4; i++) {
            threads.submit(() -> {
                while (running.get()) {
                    policy.mayProcess(SHOPPER, Purpose.LOCATION);
                }
                return null;
            });
        }
        try {
            for (int change = 0; change < 2_000; change++) {
                boolean allowed = change % 2 == 1;
                ledgerAllowsLocation.set(allowed);
                policy.consentChanged(SHOPPER);

                boolean seen = threads.submit(() -> policy.mayProcess(SHOPPER, Purpose.LOCATION)).get(10, TimeUnit.SECONDS);

                assertThat(seen).as("decision after change %d", change).isEqualTo(allowed);
            }
        } finally {
            running.set(false);
        }
    }

    @Test
    void purposesNeverGrantedAreNotAllowed() {
        ProcessingPolicy policy = new ProcessingPolicy(shopper -> ConsentState.none());

        for (Purpose purpose : Purpose.values()) {
            assertThat(policy.mayProcess(ShopperId.random(), purpose)).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
