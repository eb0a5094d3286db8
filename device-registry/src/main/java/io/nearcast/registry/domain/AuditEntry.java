package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to the registry: who, when, what and a short summary that never holds a secret.
 *
 * @param action   {@code create}, {@code update} or {@code delete}
 * @param resource e.g. {@code store/<id>}
 */
public record AuditEntry(Instant at, String actor, String action, String resource, String summary) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(summary, "summary");
    }
}
