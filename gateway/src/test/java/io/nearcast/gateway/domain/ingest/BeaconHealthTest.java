package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Last heard and TLM for the registry: attributed by advertiser address, written at most once a minute per beacon. */
class BeaconHealthTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final BeaconFrame.EddystoneTlm TLM = new BeaconFrame.EddystoneTlm(2950, OptionalDouble.of(21.5), 1000, 5000);
    private static final BeaconFrame UID = new BeaconFrame.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67", -20);
    private static final KnownBeacon BEACON = new KnownBeacon("b1", "s1", OptionalInt.empty());

    private final List<BeaconTelemetry> written = new ArrayList<>();
    private final IngestCounters counters = new IngestCounters();
    private final BeaconHealth health = new BeaconHealth(written::add, Duration.ofMinutes(1), counters);

    private static HeardFrame heard(BeaconFrame frame, String addr, Instant at) {
        return new HeardFrame(frame, -60, at, Optional.ofNullable(addr));
    }

    @Test
    void attributesATlmFrameThroughTheAddressOfTheBeaconsIdentityFrame() {
        health.heard("s1", BEACON, heard(UID, "AA:BB:CC:DD:EE:01", AT), 0);

        assertThat(health.telemetry("s1", TLM, heard(TLM, "AA:BB:CC:DD:EE:01", AT.plusSeconds(1)), 1_000)).isTrue();

        assertThat(written).containsExactly(
                new BeaconTelemetry("b1", AT, OptionalInt.empty(), Optional.empty()),
                new BeaconTelemetry("b1", AT.plusSeconds(1), OptionalInt.of(2950), Optional.of(21.5)));
    }

    @Test
    void aTlmFrameWithoutAKnownAddressIsCountedNotWritten() {
        health.heard("s1", BEACON, heard(UID, "AA:BB:CC:DD:EE:01", AT), 0);

        assertThat(health.telemetry("s1", TLM, heard(TLM, null, AT), 1)).isFalse();
        assertThat(health.telemetry("s1", TLM, heard(TLM, "AA:BB:CC:DD:EE:02", AT), 1)).isFalse();
        assertThat(health.telemetry("s2", TLM, heard(TLM, "AA:BB:CC:DD:EE:01", AT), 1)).as("same address in another store").isFalse();
        assertThat(health.telemetry("s1", TLM, heard(TLM, "AA:BB:CC:DD:EE:01", AT), BeaconHealth.ADDRESS_MEMORY.toNanos() + 1))
                .as("an address remembered too long ago").isFalse();

        assertThat(counters.tlmUnattributed()).isEqualTo(4);
        assertThat(written).hasSize(1);
    }

    @Test
    void writesAtMostOncePerMinutePerBeacon() {
        for (int second = 0; second < 120; second++) {
            health.heard("s1", BEACON, heard(UID, "AA:BB:CC:DD:EE:01", AT.plusSeconds(second)), second * 1_000_000_000L);
        }

        assertThat(written).extracting(BeaconTelemetry::heardAt).containsExactly(AT, AT.plusSeconds(60));
        assertThat(counters.telemetryWritten()).isEqualTo(2);
        assertThat(counters.telemetryThrottled()).isEqualTo(118);
    }
}
