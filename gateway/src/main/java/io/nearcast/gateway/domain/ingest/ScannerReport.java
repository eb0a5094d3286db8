package io.nearcast.gateway.domain.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A scanner's message as it arrived, before validation: which device sent it (from its topic or
 * DTLS identity, never from the payload), when it says it saw the advertisements, and what.
 *
 * @param ts epoch milliseconds, or null when missing
 */
public record ScannerReport(String storeId, String deviceId, Long ts, List<RawSighting> sightings) {

    public ScannerReport {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
