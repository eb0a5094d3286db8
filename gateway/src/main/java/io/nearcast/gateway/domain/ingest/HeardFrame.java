package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A well-formed beacon frame a scanner heard, not yet matched to a registered beacon.
 *
 * @param addr the advertiser's BLE address as {@code AA:BB:CC:DD:EE:FF} if the scanner reported it
 */
public record HeardFrame(BeaconFrame frame, int rssi, Instant heardAt, Optional<String> addr) {

    public HeardFrame {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(heardAt, "heardAt");
        Objects.requireNonNull(addr, "addr");
    }
}
