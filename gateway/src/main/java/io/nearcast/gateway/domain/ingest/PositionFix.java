package io.nearcast.gateway.domain.ingest;

import java.time.Instant;
import java.util.Objects;

/** A shopper app's GPS fix (WGS 84), only for a shopper with location consent. */
public record PositionFix(String shopperId, double lat, double lon, double accuracyMeters, Instant at) {

    public PositionFix {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(at, "at");
    }
}
