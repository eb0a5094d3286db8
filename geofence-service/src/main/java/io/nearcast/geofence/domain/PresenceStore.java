package io.nearcast.geofence.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port: where every tracked shopper's {@link Presence} lives. The in-memory store is the default
 * ({@link InMemoryPresenceStore}); a shared store (e.g. Redis, for several Nearcast instances) is
 * meant to sit behind the same methods: each change is a function of one shopper's presence, run
 * with exclusive access to it, so a shared store can load, apply and write back under optimistic
 * concurrency and retry. A change must therefore touch nothing but the presence it is given (and
 * emit events through its context); it may be run again.
 *
 * <p>After every change the store drops a presence that says it is {@link Presence#retired()}.
 */
public interface PresenceStore {

    /** Runs the change on the shopper's presence, created empty when there is none. */
    <T> T update(String shopperId, Function<Presence, T> change);

    /** Runs the change only if the shopper is tracked. */
    <T> Optional<T> updateIfPresent(String shopperId, Function<Presence, T> change);

    /** Forgets the shopper; whether there was anything. */
    boolean remove(String shopperId);

    boolean contains(String shopperId);

    /** The tracked shoppers, a weakly consistent copy (some may come or go meanwhile). */
    List<String> shopperIds();

    /** Shoppers tracked now. */
    int size();

    /** How many shoppers the store holds at most; the tracker evicts before a new one would exceed it. */
    int capacity();

    /**
     * A shopper to evict to make room: one of the least recently observed (exact or sampled, as
     * the implementation can afford); empty when the store is empty.
     */
    Optional<String> evictionCandidate();
}
