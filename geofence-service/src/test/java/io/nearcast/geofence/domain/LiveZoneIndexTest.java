package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LiveZoneIndexTest {

    private static final String STORE = "store";
    private static final OptionalInt ANY_FLOOR = OptionalInt.empty();

    /** A row of {@code count} 10 m circles 0.001° apart along the equator, ids prefixed; a version of a store's zones. */
    private static List<ZoneArea> row(String prefix, int count, double radius) {
        List<ZoneArea> zones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            zones.add(new ZoneArea(prefix + i, STORE, ANY_FLOOR, new ZoneArea.Circle(0, i * 0.001, radius)));
        }
        return zones;
    }

    /** The answers of one snapshot at every probe: at each circle's centre and between circles. */
    private static List<List<String>> answers(ZoneIndex index, int probes) {
        List<List<String>> answers = new ArrayList<>(2 * probes);
        for (int i = 0; i < probes; i++) {
            answers.add(index.zonesCovering(STORE, 0, i * 0.001, ANY_FLOOR));
            answers.add(index.zonesCovering(STORE, 0, i * 0.001 + 0.0005, ANY_FLOOR));
        }
        return answers;
    }

    @Test
    void startsEmptyAndSwapsInWhatReplaceBuilt() {
        LiveZoneIndex live = new LiveZoneIndex();
        assertThat(live.current().size()).isZero();

        ZoneIndex built = live.replace(row("a", 3, 10));

        assertThat(live.current()).isSameAs(built);
        assertThat(live.current().zonesCovering(STORE, 0, 0.001, ANY_FLOOR)).containsExactly("a1");
        live.replace(row("b", 2, 10));
        assertThat(live.current().zonesCovering(STORE, 0, 0.001, ANY_FLOOR)).containsExactly("b1");
        assertThat(live.current().zonesCovering(STORE, 0, 0.002, ANY_FLOOR)).isEmpty();
    }

    @Test
    void aFailedBuildLeavesTheCurrentIndex() {
        LiveZoneIndex live = new LiveZoneIndex(ZoneIndex.of(row("a", 2, 10)));
        ZoneIndex before = live.current();
        List<ZoneArea> duplicate = new ArrayList<>(row("b", 2, 10));
        duplicate.addAll(row("b", 1, 10));

        assertThatThrownBy(() -> live.replace(duplicate)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoneId b0");
        CompletableFuture<ZoneIndex> async = live.replaceAsync(duplicate, Runnable::run);

        assertThat(async).isCompletedExceptionally();
        assertThat(live.current()).isSameAs(before);
    }

    @Test
    void replaceAsyncBuildsOnTheExecutorFromACopyOfTheZones() {
        ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        LiveZoneIndex live = new LiveZoneIndex();
        List<ZoneArea> zones = new ArrayList<>(row("a", 2, 10));

        CompletableFuture<ZoneIndex> future = live.replaceAsync(zones, tasks::add);
        zones.clear(); // the caller reuses its list at once
        assertThat(future).isNotDone();
        assertThat(live.current().size()).as("nothing swapped before the build ran").isZero();

        tasks.poll().run();

        assertThat(future).isCompleted();
        assertThat(live.current()).isSameAs(future.join());
        assertThat(live.current().size()).isEqualTo(2);
    }

    @Test
    void aSlowBuildStartedEarlierNeverOverwritesANewerIndex() {
        ConcurrentLinkedQueue<Runnable> slow = new ConcurrentLinkedQueue<>();
        LiveZoneIndex live = new LiveZoneIndex();

        CompletableFuture<ZoneIndex> older = live.replaceAsync(row("old", 1, 10), slow::add);
        ZoneIndex newer = live.replace(row("new", 1, 10));
        slow.poll().run();

        assertThat(live.current()).isSameAs(newer);
        assertThat(older.join()).as("the older call reports the index in force").isSameAs(newer);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readersAlwaysSeeAWholeIndexWhileItIsReplacedOverAndOver() throws Exception {
        int zones = 300;
        List<ZoneArea> versionA = row("a", zones, 10);
        List<ZoneArea> versionB = row("b", zones, 60); // larger circles: the probes between centres answer differently
        List<List<String>> none = answers(ZoneIndex.empty(), zones);
        List<List<String>> allA = answers(ZoneIndex.of(versionA), zones);
        List<List<String>> allB = answers(ZoneIndex.of(versionB), zones);
        assertThat(allA).isNotEqualTo(allB);

        LiveZoneIndex live = new LiveZoneIndex();
        int readers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(readers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong snapshotsRead = new AtomicLong();
        AtomicLong sawA = new AtomicLong();
        AtomicLong sawB = new AtomicLong();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                running.add(threads.submit(() -> {
                    start.await();
                    while (writing.get() && problems.isEmpty()) {
                        ZoneIndex snapshot = live.current();
                        List<List<String>> seen = answers(snapshot, zones);
                        boolean isA = snapshot.size() == zones && seen.equals(allA);
                        boolean isB = snapshot.size() == zones && seen.equals(allB);
                        sawA.addAndGet(isA ? 1 : 0);
                        sawB.addAndGet(isB ? 1 : 0);
                        if (!(isA || isB || (snapshot.size() == 0 && seen.equals(none)))) {
                            problems.add("a snapshot of " + snapshot.size() + " zones answered neither version");
                        }
                        snapshotsRead.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> writer = threads.submit(() -> {
                start.await();
                // at least 400 swaps, and on until the readers have met both versions (or 20 s have passed)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                for (int i = 0; i < 400 || ((sawA.get() == 0 || sawB.get() == 0) && System.nanoTime() < deadline); i += 2) {
                    live.replace(versionA);
                    live.replace(versionB);
                }
                writing.set(false);
                return null;
            });
            start.countDown();
            writer.get(50, TimeUnit.SECONDS);
            for (Future<?> reader : running) {
                reader.get(10, TimeUnit.SECONDS); // rethrows a reader's exception
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a thread failed", e.getCause());
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(sawA.get()).as("snapshots of version A read").isPositive();
        assertThat(sawB.get()).as("snapshots of version B read").isPositive();
        System.out.printf("LiveZoneIndexTest: %d snapshots read (%d A, %d B) while replaced%n", snapshotsRead.get(), sawA.get(), sawB.get());
        assertThat(live.current().size()).isEqualTo(zones);
        assertThat(answers(live.current(), zones)).isEqualTo(allB); // the last replace was version B
    }
}
