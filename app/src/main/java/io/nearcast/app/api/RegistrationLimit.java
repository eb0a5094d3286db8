package io.nearcast.app.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.nearcast.kernel.domain.TokenBucket;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unauthenticated shopper registration, limited per client address: a burst of
 * {@value #BURST}, then one every {@link #REFILL}; beyond it 429 with {@code Retry-After}, counted.
 * The address is the TCP peer's (a proxy in front must be taken into account by the operator).
 */
@Singleton
final class RegistrationLimit {

    static final int BURST = 20;
    static final Duration REFILL = Duration.ofSeconds(3);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /** @return null to let the request through, else the 429 answer */
    HttpResponse<?> admit(HttpRequest<?> request) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        TokenBucket bucket = buckets.computeIfAbsent(address, key -> new TokenBucket(BURST, REFILL, now));
        if (bucket.tryTake(now)) {
            return null;
        }
        refused.incrementAndGet();
        long retryAfter = Math.max(1, (long) Math.ceil(bucket.untilNextToken(now).toMillis() / 1000.0));
        return Problem.response(HttpStatus.TOO_MANY_REQUESTS, "too many shopper registrations from this address; retry in " + retryAfter + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    /** Registrations refused so far. */
    long refused() {
        return refused.get();
    }
}
