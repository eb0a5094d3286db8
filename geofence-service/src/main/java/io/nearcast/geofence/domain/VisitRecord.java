package io.nearcast.geofence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit of a consenting shopper to a zone, as the history keeps it (personal data: exported,
 * erased, purged after the retention period).
 */
public record VisitRecord(String visitId, String shopperId, String storeId, String zoneId, Instant enteredAt,
                          Optional<Instant> dweltAt, Optional<Instant> exitedAt, Optional<Duration> dwell, Optional<String> exitReason) {

    public VisitRecord {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(dweltAt, "dweltAt");
        Objects.requireNonNull(exitedAt, "exitedAt");
        Objects.requireNonNull(dwell, "dwell");
        Objects.requireNonNull(exitReason, "exitReason");
    }
}
