package io.nearcast.kernel.domain;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills one every {@code refillEvery},
 * starts full. Time is passed in (monotonic nanoseconds, e.g. {@link System#nanoTime()}), so
 * tests control it. Thread-safe.
 */
public final class TokenBucket {

    private final int capacity;
    private final long nanosPerToken;
    private double tokens;
    private long last;

    public TokenBucket(int capacity, Duration refillEvery, long nowNanos) {
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a bucket holds at least one token and refills at a positive rate");
        }
        this.capacity = capacity;
        this.nanosPerToken = refillEvery.toNanos();
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token is there (zero when one is there now). */
    public synchronized Duration untilNextToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
    }

    /** Whether the bucket is full again (then it can be forgotten and recreated without changing behaviour). */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - last);
        tokens = Math.min(capacity, tokens + (double) elapsed / nanosPerToken);
        last = nowNanos;
    }
}
