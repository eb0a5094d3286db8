package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The offer ledger contract on the in-memory implementation. */
class InMemoryOfferLedgerTest extends OfferLedgerContract {

    @Override
    protected OfferLedger freshLedger() {
        return new InMemoryOfferLedger();
    }

    /**
     * A stress test of a race that once made {@code ofShopper} throw (it copied a shopper's list
     * while {@code add} grew it): catches a regression most runs, not every one.
     */
    @Test
    @Timeout(60)
    void readingAShoppersOffersWhileMoreAreAddedNeverFails() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int round = 0; round < 200; round++) {
            InMemoryOfferLedger ledger = new InMemoryOfferLedger();
            AtomicBoolean added = new AtomicBoolean();
            int r = round;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 3_000; i++) {
                    ledger.add(Samples.offer("off-" + r + "-" + i, "shopper-1", T0));
                }
                added.set(true);
            });
            List<Thread> readers = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                readers.add(new Thread(() -> {
                    while (!added.get()) {
                        try {
                            ledger.ofShopper("shopper-1");
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            readers.forEach(Thread::start);
            writer.start();
            writer.join();
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(ledger.ofShopper("shopper-1")).hasSize(3_000);
        }

        assertThat(failures).isEmpty();
    }
}
