package io.nearcast.gateway.domain.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers message keys seen within a window, bounded in memory, to drop repeated deliveries
 * (QoS 1 is at-least-once) and repeated packets. A key seen again within the window is a
 * duplicate; the oldest keys are forgotten first when the bound is reached (then a very late
 * repeat may pass, which downstream consumers tolerate). Time is passed in (monotonic nanos).
 * Thread-safe.
 */
public final class RecentMessages {

    private final long windowNanos;
    private final int capacity;
    private final LinkedHashMap<String, Long> seen;

    public RecentMessages(Duration window, int capacity) {
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RecentMessages.this.capacity;
            }
        };
    }

    /** True the first time a key is offered within the window, false for a repeat. */
    public synchronized boolean firstTime(String key, long nowNanos) {
        Long previous = seen.get(key);
        if (previous != null && nowNanos - previous < windowNanos) {
            return false;
        }
        seen.remove(key);
        seen.put(key, nowNanos);
        return true;
    }

    /** Forgets a key, so that its next offer is a first time again. */
    public synchronized void forget(String key) {
        seen.remove(key);
    }

    public synchronized int size() {
        return seen.size();
    }
}
