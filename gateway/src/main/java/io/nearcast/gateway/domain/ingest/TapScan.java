package io.nearcast.gateway.domain.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * An NFC reader or kiosk saw a tag: the URL the tag emitted (for an NTAG 424 DNA, with its SUN
 * parameters), as the device reported it. Verifying the URL is the touchpoint service's job.
 */
public record TapScan(String storeId, String deviceId, String url, Instant scannedAt) {

    public TapScan {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(scannedAt, "scannedAt");
    }
}
