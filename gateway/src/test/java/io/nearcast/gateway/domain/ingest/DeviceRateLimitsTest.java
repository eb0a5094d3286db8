package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceRateLimitsTest {

    private static final long MILLI = 1_000_000L;

    @Test
    void limitsEachDeviceOnItsOwnAndCountsWhatItRefuses() {
        DeviceRateLimits limits = new DeviceRateLimits(2, Duration.ofMillis(100));

        assertThat(limits.admit("scanner-1", 0)).isEmpty();
        assertThat(limits.admit("scanner-1", 0)).isEmpty();
        assertThat(limits.admit("scanner-1", 0)).hasValueSatisfying(reject -> {
            assertThat(reject.reason()).isEqualTo("rate-limited");
            assertThat(reject.detail()).contains("retry in 100 ms");
        });
        assertThat(limits.admit("scanner-2", 0)).as("another device has its own bucket").isEmpty();
        assertThat(limits.admit("scanner-1", 100 * MILLI)).isEmpty();
        assertThat(limits.limited()).isEqualTo(1);
    }
}
