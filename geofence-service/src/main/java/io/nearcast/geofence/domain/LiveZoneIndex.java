package io.nearcast.geofence.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The zone index in force, replaced whole when the zones change. Readers take {@link #current()}
 * (one volatile read: never blocks) and query that snapshot; {@link #replace} builds a complete
 * new {@link ZoneIndex} first and only then swaps it in, so a reader sees the old index or the new
 * one, never a part-built one. Thread-safe.
 *
 * <p>When replacements overlap, the one started last wins: a slower build started earlier never
 * overwrites a newer index. A build that fails (an invalid zone list) leaves the current index in
 * force.
 */
public final class LiveZoneIndex {

    private record Snapshot(long version, ZoneIndex index) {
    }

    private final AtomicLong versions = new AtomicLong();
    private final AtomicReference<Snapshot> current;

    /** Starts with the empty index. */
    public LiveZoneIndex() {
        this(ZoneIndex.empty());
    }

    public LiveZoneIndex(ZoneIndex initial) {
        this.current = new AtomicReference<>(new Snapshot(0, Objects.requireNonNull(initial, "initial")));
    }

    /** The index in force now; an immutable snapshot to query as often as needed. */
    public ZoneIndex current() {
        return current.get().index();
    }

    /**
     * Builds an index of {@code zones} on the calling thread and swaps it in.
     *
     * @return the index in force afterwards: this one, or a newer one if a replacement started
     *         later has already finished
     * @throws IllegalArgumentException from {@link ZoneIndex#of}; the current index stays
     */
    public ZoneIndex replace(Collection<ZoneArea> zones) {
        Collection<ZoneArea> copy = new ArrayList<>(Objects.requireNonNull(zones, "zones"));
        long version = versions.incrementAndGet();
        return install(version, ZoneIndex.of(copy));
    }

    /**
     * Like {@link #replace}, with the build on {@code executor}; the zones are copied now, so the
     * caller may reuse its collection at once. The future fails if the build fails.
     */
    public CompletableFuture<ZoneIndex> replaceAsync(Collection<ZoneArea> zones, Executor executor) {
        Collection<ZoneArea> copy = new ArrayList<>(Objects.requireNonNull(zones, "zones"));
        Objects.requireNonNull(executor, "executor");
        long version = versions.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> install(version, ZoneIndex.of(copy)), executor);
    }

    private ZoneIndex install(long version, ZoneIndex index) {
        Snapshot built = new Snapshot(version, index);
        return current.accumulateAndGet(built, (old, next) -> next.version() > old.version() ? next : old).index();
    }
}
