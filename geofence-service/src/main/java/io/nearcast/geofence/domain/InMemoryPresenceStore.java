package io.nearcast.geofence.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The default {@link PresenceStore}: a {@link ConcurrentHashMap} in this JVM. A change runs inside
 * {@code compute}, so changes of one shopper are serialised and those of different shoppers run in
 * parallel. Bounded: the tracker evicts before the {@code capacity} would be exceeded (under
 * concurrency it may be passed by a few). Eviction candidates are sampled like Redis's approximate
 * LRU: the least recently observed of the first {@value #EVICTION_SAMPLE} entries the map
 * iterates. Thread-safe.
 */
public final class InMemoryPresenceStore implements PresenceStore {

    static final int EVICTION_SAMPLE = 32;

    private final Map<String, Presence> presences;
    private final int capacity;

    /** @param capacity most shoppers held, at least 1 */
    public InMemoryPresenceStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.presences = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
    }

    @Override
    public <T> T update(String shopperId, Function<Presence, T> change) {
        Objects.requireNonNull(shopperId, "shopperId");
        List<T> result = new ArrayList<>(1);
        presences.compute(shopperId, (id, presence) -> {
            Presence current = presence == null ? new Presence(id) : presence;
            result.add(change.apply(current));
            return current.retired() ? null : current;
        });
        return result.get(0);
    }

    @Override
    public <T> Optional<T> updateIfPresent(String shopperId, Function<Presence, T> change) {
        Objects.requireNonNull(shopperId, "shopperId");
        List<T> result = new ArrayList<>(1);
        presences.computeIfPresent(shopperId, (id, presence) -> {
            result.add(change.apply(presence));
            return presence.retired() ? null : presence;
        });
        return result.isEmpty() ? Optional.empty() : Optional.ofNullable(result.get(0));
    }

    @Override
    public boolean remove(String shopperId) {
        return presences.remove(shopperId) != null;
    }

    @Override
    public boolean contains(String shopperId) {
        return presences.containsKey(shopperId);
    }

    @Override
    public List<String> shopperIds() {
        return new ArrayList<>(presences.keySet());
    }

    @Override
    public int size() {
        return presences.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public Optional<String> evictionCandidate() {
        Presence oldest = null;
        Iterator<Presence> sample = presences.values().iterator();
        for (int i = 0; i < EVICTION_SAMPLE && sample.hasNext(); i++) {
            Presence next = sample.next();
            if (oldest == null || next.touchedAt() < oldest.touchedAt()) {
                oldest = next;
            }
        }
        return oldest == null ? Optional.empty() : Optional.of(oldest.shopperId());
    }
}
