package io.nearcast.registry.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client changes about a device; an empty part stays as it is.
 *
 * @param zoneId present and empty: the device is taken out of its zone; present with a value: placed
 *               in that zone of the device's store (checked by {@link Devices})
 */
public record DeviceChange(Optional<String> name, Optional<Boolean> enabled, Optional<Optional<String>> zoneId) {

    public DeviceChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(zoneId, "zoneId");
    }

    /** Changes nothing. */
    public static DeviceChange none() {
        return new DeviceChange(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DeviceChange withName(String name) {
        return new DeviceChange(Optional.of(name), enabled, zoneId);
    }

    public DeviceChange withEnabled(boolean enabled) {
        return new DeviceChange(name, Optional.of(enabled), zoneId);
    }

    /** @param zoneId {@code null}: out of its zone */
    public DeviceChange withZone(String zoneId) {
        return new DeviceChange(name, enabled, Optional.of(Optional.ofNullable(zoneId)));
    }
}
