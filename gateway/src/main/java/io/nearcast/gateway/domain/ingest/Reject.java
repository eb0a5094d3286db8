package io.nearcast.gateway.domain.ingest;

import java.util.Objects;

/**
 * Why (part of) a message was not accepted, as published on the device's rejects topic
 * ({@code {"ts","reason","detail"}}): a stable machine-readable reason and one human line that
 * never echoes the payload.
 */
public record Reject(String reason, String detail) {

    public Reject {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
