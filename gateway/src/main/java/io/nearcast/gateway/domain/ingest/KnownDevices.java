package io.nearcast.gateway.domain.ingest;

/**
 * Port: whether a device is registered, enabled and belongs to the store its topic names. Backed
 * by the device registry; must be fast and thread-safe (asked for every message).
 */
@FunctionalInterface
public interface KnownDevices {

    boolean isActive(String storeId, String deviceId);
}
