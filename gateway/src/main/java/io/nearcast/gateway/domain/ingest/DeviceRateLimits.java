package io.nearcast.gateway.domain.ingest;

import io.nearcast.kernel.domain.TokenBucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-device message rate limits: each device may send a burst of {@code burst} messages, then one
 * every {@code refill}; beyond that its messages are rejected with reason {@code rate-limited}
 * (MQTT reject / CoAP 4.29) and counted. Buckets of quiet devices are forgotten when the map is
 * large (a full bucket carries no state). Thread-safe.
 */
public final class DeviceRateLimits {

    private static final int MAX_TRACKED = 100_000;

    private final int burst;
    private final Duration refill;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong limited = new AtomicLong();

    public DeviceRateLimits(int burst, Duration refill) {
        this.burst = burst;
        this.refill = refill;
    }

    /** Empty when the message may pass; the reject otherwise. */
    public Optional<Reject> admit(String deviceId, long nowNanos) {
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.isFull(nowNanos));
        }
        TokenBucket bucket = buckets.computeIfAbsent(deviceId, id -> new TokenBucket(burst, refill, nowNanos));
        if (bucket.tryTake(nowNanos)) {
            return Optional.empty();
        }
        limited.incrementAndGet();
        long retryMillis = bucket.untilNextToken(nowNanos).toMillis();
        return Optional.of(new Reject("rate-limited", "more than " + burst + " messages in a burst; retry in " + Math.max(1, retryMillis) + " ms"));
    }

    /** Messages refused so far. */
    public long limited() {
        return limited.get();
    }
}
