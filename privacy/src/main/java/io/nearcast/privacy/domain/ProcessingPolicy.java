package io.nearcast.privacy.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one answer to "may Nearcast process this shopper's data for this purpose now?". Every
 * component that touches personal data asks here; nobody reads consent anywhere else.
 *
 * <p>Answers come from a cache of each shopper's {@link ConsentState}, loaded from the ledger.
 * {@link #consentChanged} must be called after the ledger holds a change; from then on every
 * decision, in any thread, sees the change: a load that started before it is not cached (an epoch
 * counter is raised before the entry is dropped, and a load caches its result only if the epoch
 * did not move). Thread-safe. One process: several Nearcast processes need the change broadcast
 * (see docs/privacy.md).
 */
public final class ProcessingPolicy {

    private static final int MAX_CACHED = 200_000;

    private final Function<ShopperId, ConsentState> ledger;
    private final Map<ShopperId, ConsentState> cache = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    /** @param ledger the shopper's current consent as the ledger derives it */
    public ProcessingPolicy(Function<ShopperId, ConsentState> ledger) {
        this.ledger = ledger;
    }

    public boolean mayProcess(ShopperId shopper, Purpose purpose) {
        return current(shopper).allows(purpose);
    }

    /** The shopper's consent as decisions see it now. */
    public ConsentState current(ShopperId shopper) {
        ConsentState cached = cache.get(shopper);
        if (cached != null) {
            return cached;
        }
        long seen = epoch.get();
        ConsentState loaded = ledger.apply(shopper);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.compute(shopper, (id, current) -> epoch.get() == seen ? loaded : current);
        return loaded;
    }

    /** Whether the cache holds anything about the shopper (erasure must leave nothing behind). */
    public boolean remembers(ShopperId shopper) {
        return cache.containsKey(shopper);
    }

    /** Call once the ledger holds a change of the shopper's consent (or the shopper was erased). */
    public void consentChanged(ShopperId shopper) {
        epoch.incrementAndGet();
        cache.remove(shopper);
    }
}
