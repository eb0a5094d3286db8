package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What scanners learn about registered beacons, for the registry: when each was last heard and,
 * from its Eddystone-TLM frames, its battery voltage and temperature. A TLM frame names no beacon;
 * it is attributed through the advertiser's address, which a scanner may report with each
 * sighting ({@code addr}): the address last seen sending an identity frame of a registered
 * beacon of the same store (within {@link #ADDRESS_MEMORY}). Writes are rate-limited per beacon to
 * one "heard" and one TLM write per {@code minInterval}; what falls between is counted, not
 * written. Memory is bounded.
 * Thread-safe.
 */
public final class BeaconHealth {

    /** How long an address is taken to stay with the beacon it was last heard from. */
    static final Duration ADDRESS_MEMORY = Duration.ofMinutes(10);
    static final int MAX_TRACKED = 100_000;

    private final BeaconTelemetrySink sink;
    private final long minIntervalNanos;
    private final IngestCounters counters;
    private final Map<String, Long> lastWrite = bounded();
    private final Map<String, Attributed> addresses = bounded();

    private record Attributed(String beaconId, long atNanos) {
    }

    public BeaconHealth(BeaconTelemetrySink sink, Duration minInterval, IngestCounters counters) {
        this.sink = sink;
        this.minIntervalNanos = minInterval.toNanos();
        this.counters = counters;
    }

    /** A registered beacon was heard (from a resolved identity frame). */
    synchronized void heard(String storeId, KnownBeacon beacon, HeardFrame frame, long nowNanos) {
        frame.addr().ifPresent(addr -> addresses.put(storeId + "/" + addr, new Attributed(beacon.beaconId(), nowNanos)));
        write("heard/", new BeaconTelemetry(beacon.beaconId(), frame.heardAt(), OptionalInt.empty(), Optional.empty()), nowNanos);
    }

    /** A plain TLM frame; true if it could be attributed to a registered beacon. */
    synchronized boolean telemetry(String storeId, BeaconFrame.EddystoneTlm tlm, HeardFrame frame, long nowNanos) {
        Optional<String> beaconId = frame.addr().map(addr -> addresses.get(storeId + "/" + addr))
                .filter(attributed -> nowNanos - attributed.atNanos() < ADDRESS_MEMORY.toNanos())
                .map(Attributed::beaconId);
        if (beaconId.isEmpty()) {
            counters.unattributedTlm();
            return false;
        }
        Optional<Double> temperature = tlm.temperatureCelsius().isPresent() ? Optional.of(tlm.temperatureCelsius().getAsDouble()) : Optional.empty();
        OptionalInt battery = tlm.batteryMillivolts() > 0 ? OptionalInt.of(tlm.batteryMillivolts()) : OptionalInt.empty();
        write("tlm/", new BeaconTelemetry(beaconId.get(), frame.heardAt(), battery, temperature), nowNanos);
        return true;
    }

    /** Heard-only and TLM writes are limited separately, so a TLM is not held back by the identity frame before it. */
    private void write(String kind, BeaconTelemetry telemetry, long nowNanos) {
        String key = kind + telemetry.beaconId();
        Long previous = lastWrite.get(key);
        if (previous != null && nowNanos - previous < minIntervalNanos) {
            counters.telemetryThrottle();
            return;
        }
        lastWrite.put(key, nowNanos);
        sink.record(telemetry);
        counters.telemetryWrite();
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
