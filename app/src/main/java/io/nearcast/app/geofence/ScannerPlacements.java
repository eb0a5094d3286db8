package io.nearcast.app.geofence;

import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which zone each in-store scanner is placed in (the registry's device placement), remembered
 * {@value #TTL_NANOS} ns so a move takes effect within 30 s; at most {@value #MAX_REMEMBERED}
 * scanners are remembered (then the memory starts afresh). Thread-safe.
 */
final class ScannerPlacements {

    static final long TTL_NANOS = 30_000_000_000L;
    static final int MAX_REMEMBERED = 100_000;

    private record Placement(Optional<String> zoneId, long atNanos) {
    }

    private final DeviceRepository devices;
    private final LongSupplier nanoTime;
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();

    ScannerPlacements(DeviceRepository devices, LongSupplier nanoTime) {
        this.devices = devices;
        this.nanoTime = nanoTime;
    }

    Optional<String> zoneOf(String deviceId) {
        long now = nanoTime.getAsLong();
        Placement known = placements.get(deviceId);
        if (known != null && now - known.atNanos() < TTL_NANOS) {
            return known.zoneId();
        }
        Optional<String> zone = devices.find(deviceId).flatMap(Device::zoneId);
        if (placements.size() >= MAX_REMEMBERED) {
            placements.clear();
        }
        placements.put(deviceId, new Placement(zone, now));
        return zone;
    }
}
