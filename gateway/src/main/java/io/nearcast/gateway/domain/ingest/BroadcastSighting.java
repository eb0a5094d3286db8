package io.nearcast.gateway.domain.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-store scanner heard a shopper app's rotating identifier (an Eddystone-EID the app
 * broadcasts): the shopper is near that scanner.
 *
 * @param shopperId the shopper, only when the shopper allows the {@code location} purpose; empty
 *                  for a Nearcast app whose shopper does not (anonymous footfall only)
 * @param txPower   the phone's power at 1 m from the frame (its 0 m value minus 41 dB)
 */
public record BroadcastSighting(String storeId, String deviceId, Optional<String> shopperId, int rssi, int txPower, Instant seenAt) {

    public BroadcastSighting {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
