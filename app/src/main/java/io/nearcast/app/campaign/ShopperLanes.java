package io.nearcast.app.campaign;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the campaign service works on occasions, off the geofence's thread: a few single-thread
 * lanes with bounded queues, a shopper always on the same lane, so one shopper's enter, dwell
 * and exit are decided in the order they came. A full lane turns the occasion away (counted and
 * logged at most once a minute). Thread-safe.
 */
final class ShopperLanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShopperLanes.class);

    private final ThreadPoolExecutor[] lanes;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long lastWarning;

    ShopperLanes(int lanes, int capacity) {
        this.lanes = new ThreadPoolExecutor[lanes];
        for (int i = 0; i < lanes; i++) {
            String name = "nearcast-campaigns-" + i;
            this.lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());
        }
    }

    /** @return false when the shopper's lane is full (the work is not done) */
    boolean submit(String shopperId, Runnable work) {
        int hash = shopperId.hashCode();
        try {
            lanes[Math.floorMod(hash ^ (hash >>> 16), lanes.length)].execute(() -> run(work));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            rejected.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - lastWarning > 60_000) {
                lastWarning = now;
                LOG.warn("Campaign occasions are arriving faster than they are decided; {} turned away so far", rejected.get());
            }
            return false;
        }
    }

    private void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("A campaign decision failed: {}", e.toString());
        }
    }

    long rejected() {
        return rejected.get();
    }

    long failed() {
        return failed.get();
    }

    int queued() {
        int queued = 0;
        for (ThreadPoolExecutor lane : lanes) {
            queued += lane.getQueue().size() + lane.getActiveCount();
        }
        return queued;
    }

    /** Finishes what is queued (up to 5 s). */
    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        try {
            for (ThreadPoolExecutor lane : lanes) {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
