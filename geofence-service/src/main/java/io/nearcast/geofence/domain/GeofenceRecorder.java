package io.nearcast.geofence.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the record of what the tracker decided, off the tracker's threads: every zone event goes
 * into the {@link ZoneStatistics} at once and into a bounded queue for the {@link VisitHistory};
 * one worker thread writes the queue in batches and then adds the statistics to {@link ZoneHours}
 * (visit history first, so the distinct-visitor recount sees the new visits).
 *
 * <p>Nothing is lost silently: an event that finds the queue full is counted as dropped (the
 * statistics still have it); a batch the database refuses is kept and retried at the next flush
 * (counted as a failure). {@link #flush} writes everything queued now, on the caller's thread,
 * before an export or erasure reads the history. Thread-safe.
 */
public final class GeofenceRecorder implements ZoneEventSink, AutoCloseable {

    static final int BATCH = 500;

    private final VisitHistory history;
    private final ZoneHours hours;
    private final ZoneStatistics statistics;
    private final BlockingQueue<ZoneEvent> queue;
    private final long flushEveryMillis;
    private final Object flushing = new Object();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<ZoneEvent> unwritten = new ArrayList<>();
    private final List<ZoneHourDelta> unsaved = new ArrayList<>();
    private final Set<ZoneHourKey> uncounted = new HashSet<>();
    private volatile Thread worker;
    private volatile boolean closed;

    /**
     * @param capacity   events that may wait for the worker
     * @param flushEvery how often the statistics are written even when few events came
     */
    public GeofenceRecorder(VisitHistory history, ZoneHours hours, ZoneStatistics statistics, int capacity, Duration flushEvery) {
        this.history = Objects.requireNonNull(history, "history");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushEveryMillis = flushEvery.toMillis();
    }

    @Override
    public void accept(ZoneEvent event) {
        statistics.accept(event);
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Starts the worker thread. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        Thread thread = new Thread(this::work, "nearcast-geofence-recorder");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Writes every event queued so far and the statistics gathered so far; returns when they are stored (or failed, counted). */
    public void flush() {
        synchronized (flushing) {
            List<ZoneEvent> batch = new ArrayList<>(unwritten);
            unwritten.clear();
            queue.drainTo(batch);
            writeHistory(batch);
            writeStatistics();
        }
    }

    /** Events written to the history since start. */
    public long recorded() {
        return recorded.get();
    }

    /** Events the full queue turned away (not in the history; still in the statistics). */
    public long dropped() {
        return dropped.get();
    }

    /** Writes the database refused (retried at the next flush). */
    public long failures() {
        return failures.get();
    }

    /** Events waiting for the worker. */
    public int queued() {
        return queue.size();
    }

    /** Stops the worker and writes what is left. */
    @Override
    public void close() {
        closed = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    private void work() {
        long nextFlush = System.currentTimeMillis() + flushEveryMillis;
        while (!closed) {
            try {
                ZoneEvent first = queue.poll(Math.max(1, nextFlush - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (first != null) {
                    synchronized (flushing) {
                        List<ZoneEvent> batch = new ArrayList<>(unwritten);
                        unwritten.clear();
                        batch.add(first);
                        queue.drainTo(batch, BATCH - 1);
                        writeHistory(batch);
                    }
                }
                if (System.currentTimeMillis() >= nextFlush) {
                    synchronized (flushing) {
                        writeStatistics();
                    }
                    nextFlush = System.currentTimeMillis() + flushEveryMillis;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Under {@link #flushing}. */
    private void writeHistory(List<ZoneEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            history.record(batch);
            recorded.addAndGet(batch.size());
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            unwritten.addAll(batch);
        }
    }

    /** Under {@link #flushing}; the history is written first, so the visitor recount sees the new visits. */
    private void writeStatistics() {
        ZoneStatistics.Drained drained = statistics.drain();
        unsaved.addAll(drained.deltas());
        uncounted.addAll(drained.newVisitsIn());
        if (!unsaved.isEmpty()) {
            try {
                hours.add(unsaved);
                unsaved.clear();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                return;
            }
        }
        if (!uncounted.isEmpty() && unwritten.isEmpty()) {
            try {
                hours.countUniqueVisitors(uncounted);
                uncounted.clear();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }
}
