package io.nearcast.app.runtime;

import io.nearcast.privacy.domain.PersonalData;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention every hour (the first run a minute after start): every personal-data holder
 * deletes raw per-shopper data older than {@code NEARCAST_RETENTION}. Logs counts per holder,
 * never whose data it was. A failed run is logged and retried at the next hour.
 */
final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    static final Duration FIRST_RUN = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(1);

    private final PersonalData personalData;
    private final Duration keep;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nearcast-retention");
        thread.setDaemon(true);
        return thread;
    });

    RetentionSchedule(PersonalData personalData, Duration keep) {
        this.personalData = personalData;
        this.keep = keep;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::runOnce, FIRST_RUN.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Retention: raw per-shopper data older than {} is deleted every {}", keep, EVERY);
    }

    /** One retention run; returns what each holder removed. */
    Map<String, Long> runOnce() {
        try {
            Map<String, Long> removed = personalData.purgeOlderThan(keep);
            long total = removed.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                LOG.info("Retention removed {} records older than {}: {}", total, keep, removed);
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed, retried in {}: {}", EVERY, e.toString());
            return Map.of();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
