package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstOfItsCapacityThenOneTokenPerRefillPeriod() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(2), 0);

        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.untilNextToken(SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(SECOND)).isFalse();
        assertThat(bucket.tryTake(2 * SECOND)).isTrue();
        assertThat(bucket.tryTake(2 * SECOND)).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), 0);

        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isFalse();
        assertThat(bucket.isFull(100 * SECOND)).isFalse();
    }
}
