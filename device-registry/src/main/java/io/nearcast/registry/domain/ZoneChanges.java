package io.nearcast.registry.domain;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each zone change to every subscribed {@link ZoneListener}, in the order they subscribed,
 * on the caller's thread.
 *
 * <p>A listener that throws does not stop the others and does not fail the change, which the
 * registry already holds: its {@link RuntimeException} is counted ({@link #failures()}) and given
 * to the {@link Failures} handler (the edge logs it); an {@link Error} propagates. Thread-safe:
 * listeners may subscribe and unsubscribe while changes are being announced; an announcement
 * reaches the listeners subscribed when it started.
 */
public final class ZoneChanges {

    /** What to do with a listener's failure, e.g. log it; should it throw, that is ignored. */
    @FunctionalInterface
    public interface Failures {
        void failed(ZoneListener listener, StoreId storeId, RuntimeException failure);
    }

    private final CopyOnWriteArrayList<ZoneListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final Failures onFailure;

    /** Failures are only counted. */
    public ZoneChanges() {
        this((listener, storeId, failure) -> {
        });
    }

    public ZoneChanges(Failures onFailure) {
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Adds the listener; subscribing the same listener again changes nothing. */
    public void subscribe(ZoneListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.addIfAbsent(listener);
    }

    /** @return false if it was not subscribed */
    public boolean unsubscribe(ZoneListener listener) {
        return listeners.remove(listener);
    }

    /** Tells every listener that the store's zones changed. */
    public void changed(StoreId storeId) {
        Objects.requireNonNull(storeId, "storeId");
        for (ZoneListener listener : listeners) {
            try {
                listener.zonesChanged(storeId);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                report(listener, storeId, e);
            }
        }
    }

    private void report(ZoneListener listener, StoreId storeId, RuntimeException failure) {
        try {
            onFailure.failed(listener, storeId, failure);
        } catch (RuntimeException ignored) {
            // the failure is counted already; a broken handler must not stop the other listeners
        }
    }

    /** How many times a listener threw since start. */
    public long failures() {
        return failures.get();
    }
}
